using OpsBot.Cli.Commands;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OpsBot.Cli.Local;

/// <summary>The member-account template the local topology deploys, checked before an emulator starts.</summary>
public static class MemberTemplate
{
    /// <summary>Fails with a one-line error naming <paramref name="path"/> unless it is a YAML (or JSON) template with <c>Resources</c>.</summary>
    public static void Check(string path)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(File.ReadAllText(path)));
        }
        catch (YamlException ex)
        {
            throw new InputFileException($"{path}:{ex.Start.Line}:{ex.Start.Column}: the member template is not valid YAML: {ex.InnerException?.Message ?? ex.Message}");
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root || !root.Children.ContainsKey(new YamlScalarNode("Resources")))
        {
            throw new InputFileException($"{path}: not a CloudFormation template (a mapping with 'Resources'); pass the member-account template with --member-template");
        }
    }
}
