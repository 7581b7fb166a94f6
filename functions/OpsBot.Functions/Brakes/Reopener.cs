using OpsBot.Rules.Events;
using OpsBot.Rules.Facts;
using OpsBot.Rules.Policies;

namespace OpsBot.Functions.Brakes;

/// <summary>Who keeps re-opening a resource, in words: the event's principal, source address, client, and the stack or tool behind it.</summary>
internal static class Reopener
{
    /// <summary>
    /// E.g. <c>arn:aws:iam::111122223333:role/deploy from 198.51.100.7 with Terraform/1.9.0 (Terraform),
    /// CloudFormation stack web-prod</c>.
    /// </summary>
    public static string Describe(Actor actor, object resource)
    {
        var parts = new List<string> { string.IsNullOrEmpty(actor.Arn) ? "an unknown principal" : actor.Arn };
        if (!string.IsNullOrEmpty(actor.SourceIp))
        {
            parts.Add($"from {actor.SourceIp}");
        }

        if (!string.IsNullOrEmpty(actor.UserAgent))
        {
            parts.Add($"with user agent '{actor.UserAgent}'" + (IsTerraform(actor.UserAgent) ? " (Terraform)" : ""));
        }

        var who = string.Join(" ", parts);
        return StackOf(resource) is { } stack ? $"{who}, CloudFormation stack '{stack}'" : who;
    }

    /// <summary>The CloudFormation stack that owns <paramref name="resource"/> (its <c>aws:cloudformation:stack-name</c> tag), or null.</summary>
    public static string? StackOf(object resource) =>
        resource is ITaggedFact tagged && tagged.Tags.TryGetValue(FightLimits.StackTag, out var stack) && stack.Length > 0 ? stack : null;

    // Terraform's AWS provider sends "APN/1.0 HashiCorp/1.0 Terraform/1.9.0 (+https://www.terraform.io) terraform-provider-aws/5.x".
    private static bool IsTerraform(string userAgent) =>
        userAgent.Contains("terraform", StringComparison.OrdinalIgnoreCase);
}
