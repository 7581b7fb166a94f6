namespace OpsBot.Functions.Audit;

/// <summary>
/// One change a resource adapter makes to a resource other than a security group, as the audit
/// trail keeps it: what, in words and element by element, and the state it replaced, enough for undo.
/// </summary>
/// <param name="Action">The action that makes it, e.g. <c>put-public-access-block</c>.</param>
/// <param name="ResourceId">The resource changed.</param>
/// <param name="Summary">The change in one sentence.</param>
/// <param name="Elements">The elements it removes or replaces, one line each (e.g. "READ to AllUsers").</param>
/// <param name="Before">
/// The replaced state as JSON in the shape the AWS CLI prints it (e.g.
/// <c>{"PublicAccessBlockConfiguration":{…}}</c>, <c>{}</c> for none); undo puts it back.
/// </param>
/// <param name="Unconfirmed">True when an interrupted attempt made it and a redelivery found it done: still restorable.</param>
public sealed record ResourceChange(string Action, string ResourceId, string Summary, IReadOnlyList<string> Elements, string Before, bool Unconfirmed = false)
{
    /// <inheritdoc />
    public override string ToString() => Summary;
}
