namespace OpsBot.Rules.Resources.CloudTrailTrail;

/// <summary>
/// The one element of a trail's <c>status</c> collection: whether it exists and logs. Actions on a
/// trail act on the trail as a whole; policies select this element because a policy must select a collection.
/// </summary>
/// <param name="IsLogging">True while the trail delivers log files.</param>
/// <param name="Exists">False once the trail has been deleted.</param>
public sealed record TrailStatusFact(bool IsLogging, bool Exists)
{
    /// <summary>"logging", "not logging" or "deleted".</summary>
    public override string ToString() => !Exists ? "deleted" : IsLogging ? "logging" : "not logging";
}
