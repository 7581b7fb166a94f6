namespace OpsBot.Functions.Tests.Aws;

/// <summary>What the scripted AWS stand-in does with one request: answer, answer late, or drop the connection.</summary>
internal sealed record ScriptedAwsAnswer(int Status, string Body, TimeSpan Hang = default, bool Drop = false)
{
    public static ScriptedAwsAnswer Ok(string body = """{"ok":true}""") => new(200, body);

    public static ScriptedAwsAnswer JsonError(int status, string type) => new(status, $$"""{"__type":"{{type}}","message":"scripted {{type}}"}""");

    public static ScriptedAwsAnswer XmlError(int status, string code) =>
        new(status, $"<ErrorResponse><Error><Type>Sender</Type><Code>{code}</Code><Message>scripted {code}</Message></Error></ErrorResponse>");

    public static ScriptedAwsAnswer Hanging(TimeSpan hang) => new(200, """{"late":true}""", hang);

    public static ScriptedAwsAnswer Dropped() => new(0, "", Drop: true);
}
