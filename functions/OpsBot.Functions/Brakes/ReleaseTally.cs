using OpsBot.Functions.Audit;

namespace OpsBot.Functions.Brakes;

/// <summary>What one Release click came to, counted per held violation.</summary>
internal sealed class ReleaseTally
{
    private readonly List<string> _errors = [];

    /// <summary>Violations taken from the batch by this click.</summary>
    public int Taken { get; private set; }

    /// <summary>Remediated and verified.</summary>
    public int Remediated { get; private set; }

    /// <summary>Found compliant (or gone) on live state: nothing changed.</summary>
    public int AlreadyCompliant { get; private set; }

    /// <summary>Why the failed ones failed.</summary>
    public IReadOnlyList<string> Errors => _errors;

    /// <summary>Counts a released violation by its outcome.</summary>
    public void Add(AuditOutcome outcome)
    {
        Taken++;
        switch (outcome)
        {
            case AuditOutcome.Remediated:
                Remediated++;
                break;
            case AuditOutcome.Failed:
                _errors.Add("a remediation did not verify (see its audit record)");
                break;
            default:
                AlreadyCompliant++;
                break;
        }
    }

    /// <summary>Counts a violation whose release failed and was given back.</summary>
    public void Failed(string error)
    {
        Taken++;
        _errors.Add(error);
    }

    /// <summary>E.g. <c>5 remediated, 0 already compliant, 0 failed</c>.</summary>
    public string Summary() => $"{Remediated} remediated, {AlreadyCompliant} already compliant, {_errors.Count} failed";
}
