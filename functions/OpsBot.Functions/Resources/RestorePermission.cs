namespace OpsBot.Functions.Resources;

/// <summary>
/// One IAM action an undo makes to put a resource's earlier state back, and what tells that call
/// apart from the fix when both use the same action. The event handler's and the sweeper's member
/// sessions are denied every one of them (see <c>RestoreDenyingSessionPolicy</c>), so a function that
/// reads untrusted events can close but never re-open.
/// </summary>
/// <param name="Action">The IAM action, e.g. <c>ec2:AuthorizeSecurityGroupIngress</c>.</param>
/// <param name="Condition">
/// Null when the fix never uses the action, so it is denied outright; otherwise the IAM condition
/// that holds for the restoring call and not for the fix (e.g. <c>ec2:Add/group</c> present).
/// </param>
/// <param name="Unenforceable">
/// Why IAM cannot tell the restoring call from the fix when no condition key does (the action is
/// then left allowed and the reason is published); null when the deny holds.
/// </param>
public sealed record RestorePermission(string Action, RestoreCondition? Condition = null, string? Unenforceable = null)
{
    /// <summary>True when a session policy can deny this restore without denying the fix.</summary>
    public bool IsDeniable => Unenforceable is null;

    /// <summary>A restore action the fix never makes: denied outright.</summary>
    public static RestorePermission Always(string action) => new(action);

    /// <summary>A restore action the fix makes too, denied only under <paramref name="condition"/>.</summary>
    public static RestorePermission When(string action, RestoreCondition condition) => new(action, condition);

    /// <summary>A restore action no IAM condition key tells apart from the fix.</summary>
    public static RestorePermission NotDeniable(string action, string reason) => new(action, null, reason);
}
