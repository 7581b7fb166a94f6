namespace OpsBot.Functions.Tests.FaultInjection;

/// <summary>What the <see cref="FaultProxy"/> does to a call instead of relaying it unchanged.</summary>
public enum FaultKind
{
    /// <summary>Answers, without forwarding, with the service's own throttling error (e.g. DynamoDB <c>ThrottlingException</c>, EC2 <c>RequestLimitExceeded</c>).</summary>
    Throttle,

    /// <summary>Answers, without forwarding, with the service's HTTP 500 internal error.</summary>
    ServerError,

    /// <summary>Answers, without forwarding, with the service's HTTP 503 "service unavailable" error.</summary>
    Unavailable,

    /// <summary>Resets the connection without forwarding: the call did not take effect and the client sees a connection failure.</summary>
    DropBeforeForward,

    /// <summary>Forwards, then resets the connection instead of relaying the answer: the call took effect but the client sees a connection failure.</summary>
    DropAfterForward,

    /// <summary>Waits <see cref="FaultPlan.Delay"/> before forwarding, so a client with a shorter timeout gives up on a call that still takes effect.</summary>
    Delay,
}
