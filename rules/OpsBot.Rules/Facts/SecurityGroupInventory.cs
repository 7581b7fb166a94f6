using OpsBot.Rules.Resources;

namespace OpsBot.Rules.Facts;

/// <summary>
/// The groups of a describe-security-groups document, each read into its fact only when asked
/// for: the document's bytes, where each group lies in them, and the rule ids of the companion
/// describe-security-group-rules document. A scan of 100,000 groups then holds one slice's facts at
/// a time instead of all of them, which all survive to the older GC generations.
/// </summary>
internal sealed class SecurityGroupInventory : IResourceInventory
{
    private readonly ReadOnlyMemory<byte> _utf8;
    private readonly List<Range> _groups;
    private readonly Dictionary<string, string>? _ruleIds;

    /// <summary>An inventory over <paramref name="utf8"/>, whose groups lie at <paramref name="groups"/>, with <paramref name="ruleIds"/> keyed as <see cref="SecurityGroupStateReader.Key"/> keys them.</summary>
    public SecurityGroupInventory(ReadOnlyMemory<byte> utf8, List<Range> groups, Dictionary<string, string>? ruleIds)
    {
        _utf8 = utf8;
        _groups = groups;
        _ruleIds = ruleIds;
    }

    /// <inheritdoc />
    public int Count => _groups.Count;

    /// <inheritdoc />
    public object Read(int index) => ReadFact(index);

    /// <summary>The group at <paramref name="index"/>, its exposure computed and its rule ids joined on.</summary>
    /// <exception cref="StateFormatException">The group is not in the shape describe-security-groups prints.</exception>
    public SecurityGroupFact ReadFact(int index)
    {
        var (group, ingress, egress) = SecurityGroupDocumentReader.ReadGroup(_utf8.Span[_groups[index]]);
        if (_ruleIds is { } ids)
        {
            JoinRuleIds(group, ingress, ids);
            JoinRuleIds(group, egress, ids);
        }

        return SecurityGroupFactBuilder.Build(group, ingress, egress);
    }

    private static void JoinRuleIds(SecurityGroupFact group, List<PermissionFact> elements, Dictionary<string, string> ids)
    {
        for (var i = 0; i < elements.Count; i++)
        {
            if (ids.TryGetValue(SecurityGroupStateReader.Key(group.GroupId, elements[i]), out var id))
            {
                elements[i] = elements[i] with { RuleId = id };
            }
        }
    }
}
