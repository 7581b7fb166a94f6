using OpsBot.Cli.Commands;
using OpsBot.Rules.Actions;
using OpsBot.Rules.Policies;
using OpsBot.Rules.Resources;

namespace OpsBot.Cli.Scan;

/// <summary>
/// The policies a scan evaluates: every policy under the folder is loaded and checked, as for any
/// verb, but only those of the scanned resource type (and only the <c>-p</c> ones, when given) are
/// compiled into the rules engine. A smaller network is quicker to build, and each resource's
/// session is quicker to create and fire.
/// </summary>
/// <param name="Policies">The candidates, compiled.</param>
/// <param name="Type">The scanned resource type.</param>
/// <param name="Candidates">The policies every resource is evaluated against, in load order.</param>
internal sealed record ScanPolicies(PolicySet Policies, IResourceType Type, IReadOnlyList<Policy> Candidates)
{
    /// <summary>Loads the policies under <paramref name="paths"/> and compiles those of <paramref name="resource"/> named in <paramref name="only"/> (all when empty).</summary>
    /// <exception cref="PolicyLoadException">A policy is invalid; every problem is listed.</exception>
    /// <exception cref="InputFileException">The resource type is unknown, or a <c>-p</c> names no policy of it.</exception>
    public static ScanPolicies Load(IEnumerable<string> paths, string resource, string[] only)
    {
        var loaded = new PolicyLoader(ResourceTypeRegistry.Default, ActionRegistry.Default).Load(paths);
        if (!loaded.IsValid)
        {
            throw new PolicyLoadException(loaded.Errors);
        }

        var type = ResourceTypeRegistry.Default.Find(resource)
            ?? throw new InputFileException($"--resource {resource}: no such resource type (known: {string.Join(", ", ResourceTypeRegistry.Default.All.Select(t => t.Name))})");
        var candidates = Select(loaded.Policies, type, only);
        return new ScanPolicies(new PolicySet(candidates, ResourceTypeRegistry.Default, ActionRegistry.Default), type, candidates);
    }

    // Each -p must name a loaded policy of the scanned type: a typo must not scan with nothing.
    private static Policy[] Select(IReadOnlyList<Policy> policies, IResourceType type, string[] only)
    {
        foreach (var id in only)
        {
            var policy = policies.FirstOrDefault(p => p.Id == id) ?? throw new InputFileException($"-p {id}: no such policy");
            if (policy.Resource != type.Name)
            {
                throw new InputFileException($"-p {id}: the policy governs {policy.Resource}, not {type.Name}");
            }
        }

        return [.. policies.Where(p => p.Resource == type.Name && (only.Length == 0 || only.Contains(p.Id)))];
    }
}
