namespace OpsBot.Rules.Policies.Checks;

/// <summary>The footgun checks the loader runs on every valid policy, by name.</summary>
public sealed class PolicyCheckRegistry
{
    private readonly Dictionary<string, IPolicyCheck> _checks;

    /// <summary>Creates a registry of the given checks.</summary>
    public PolicyCheckRegistry(IEnumerable<IPolicyCheck> checks) =>
        _checks = checks.ToDictionary(c => c.Name, StringComparer.Ordinal);

    /// <summary>The shipped checks.</summary>
    public static PolicyCheckRegistry Default { get; } = new([new DefaultEgressCheck(), new PublicShareScaleCheck(), new WithinNonCidrCheck()]);

    /// <summary>All checks, by name.</summary>
    public IEnumerable<IPolicyCheck> All => _checks.Values.OrderBy(c => c.Name, StringComparer.Ordinal);

    /// <summary>The check called <paramref name="name"/>, or null.</summary>
    public IPolicyCheck? Find(string name) => _checks.GetValueOrDefault(name);
}
