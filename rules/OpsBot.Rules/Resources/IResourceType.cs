using OpsBot.Rules.Events;

namespace OpsBot.Rules.Resources;

/// <summary>
/// A kind of AWS resource that policies can govern, declared in one place: its name, the CloudTrail
/// events that concern it and where their resource ids are, its resource fact and the element
/// collections a policy can <c>select</c> (each with the variable name expressions use), and how to
/// read its offline state document. The engine, the evaluator and the offline tools work from this
/// declaration only. Implement it by deriving from <see cref="ResourceType{TResource}"/>.
/// </summary>
public interface IResourceType
{
    /// <summary>The name policies use in <c>resource:</c>, e.g. <c>aws.ec2.security-group</c>.</summary>
    string Name { get; }

    /// <summary>The CloudTrail <c>eventSource</c> of its events, e.g. <c>ec2.amazonaws.com</c>.</summary>
    string EventSource { get; }

    /// <summary>The CloudTrail event names that can change it, usable as policy triggers.</summary>
    IReadOnlyList<string> EventNames { get; }

    /// <summary>The CLR type of its resource fact, e.g. <c>SecurityGroupFact</c>.</summary>
    Type FactType { get; }

    /// <summary>The name expressions use for the resource, e.g. <c>sg</c>; the only name <c>unless</c> may use.</summary>
    string Variable { get; }

    /// <summary>The element collections a policy can <c>select</c>, e.g. <c>ingress</c>, <c>egress</c>.</summary>
    IReadOnlyList<IElementCollection> Collections { get; }

    /// <summary>The names of <see cref="Collections"/>, as policies write them in <c>select</c>.</summary>
    IReadOnlyList<string> Selections { get; }

    /// <summary>
    /// Every type an expression over this resource may reach besides <c>PolicyFunctions</c> and
    /// <see cref="string"/>: the fact records and the enums their members return.
    /// </summary>
    IReadOnlyList<Type> ExpressionTypes { get; }

    /// <summary>Where its offline state document comes from, e.g. "aws ec2 describe-security-groups"; shown in errors and help.</summary>
    string StateDocument { get; }

    /// <summary>The resources a (successful) event concerns.</summary>
    /// <exception cref="MalformedEventException">The event lacks the ids it must carry.</exception>
    IReadOnlyList<ResourceReference> FindResources(CloudTrailEvent cloudTrailEvent);

    /// <summary>
    /// Reads the offline state document (what the AWS CLI prints) into resource facts, for
    /// <c>opsbot eval</c> and <c>opsbot test</c>. <paramref name="companion"/> is the optional second
    /// document a type may take (security groups: describe-security-group-rules, for rule ids).
    /// </summary>
    /// <exception cref="Facts.StateFormatException">The document is not in the expected shape.</exception>
    IReadOnlyList<object> ReadState(string document, string? companion);

    /// <summary>
    /// <see cref="ReadState(string, string?)"/> from the documents' UTF-8 bytes as read from a file
    /// (a leading byte order mark is skipped), for inventories too large to copy into a string.
    /// </summary>
    /// <exception cref="Facts.StateFormatException">The document is not in the expected shape.</exception>
    IReadOnlyList<object> ReadState(ReadOnlyMemory<byte> document, ReadOnlyMemory<byte>? companion);

    /// <summary>
    /// The resources of the state document as an inventory read one resource at a time (see
    /// <see cref="IResourceInventory"/>), for <c>opsbot scan</c>. The document's syntax and shape
    /// are checked here; a resource that cannot be read fails when it is read. A type that reads
    /// its document whole gives the facts <see cref="ReadState(ReadOnlyMemory{byte}, ReadOnlyMemory{byte}?)"/> reads.
    /// </summary>
    /// <exception cref="Facts.StateFormatException">The document is not in the expected shape.</exception>
    IResourceInventory OpenState(ReadOnlyMemory<byte> document, ReadOnlyMemory<byte>? companion);

    /// <summary>The id of a resource fact of this type, as decisions and audit records name it.</summary>
    string ResourceId(object resource);

    /// <summary>True when <paramref name="resource"/> is the one <paramref name="reference"/> points at.</summary>
    bool IsReferencedBy(object resource, ResourceReference reference);

    /// <summary>The collection called <paramref name="selection"/>, or null.</summary>
    IElementCollection? Collection(string selection);
}
