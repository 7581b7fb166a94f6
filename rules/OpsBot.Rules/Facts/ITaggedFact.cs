namespace OpsBot.Rules.Facts;

/// <summary>A resource fact that carries its tags, so code outside a resource type's folder can read them (the brakes read the CloudFormation stack tag).</summary>
public interface ITaggedFact
{
    /// <summary>Tags by key.</summary>
    IReadOnlyDictionary<string, string> Tags { get; }
}
