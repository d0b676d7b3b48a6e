using ClinicBot.Prompts;

namespace ClinicBot.Cli.Ask;

/// <summary>The parsed arguments of <c>ask</c>.</summary>
internal sealed record AskArguments(string? Question, Channel Channel, string Locale, bool Json, bool JsonLines, bool Explain)
{
    public const string Usage = """
        usage: clinicbot ask "question" [--channel web|sms] [--locale en|es] [--json] [--explain]
               clinicbot ask --jsonl   (reads {"text": "...", "channel": "web|sms", "locale": "en|es"} lines from stdin)
               clinicbot chat [--channel web|sms] [--locale en|es]
        """;

    /// <summary>Parses the arguments after "ask"; returns an error message instead when they are wrong.</summary>
    public static (AskArguments? Arguments, string? Error) Parse(IReadOnlyList<string> args, bool questionRequired = true)
    {
        string? question = null;
        var channel = Channel.Web;
        var locale = Locales.English;
        bool json = false, jsonLines = false, explain = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--json":
                    json = true;
                    break;
                case "--explain":
                    explain = true;
                    break;
                case "--jsonl":
                    jsonLines = true;
                    break;
                case "--channel" when i + 1 < args.Count && ChannelNames.TryParse(args[i + 1], out var parsed):
                    channel = parsed;
                    i++;
                    break;
                case "--locale" when i + 1 < args.Count && args[i + 1] is "en" or "es":
                    locale = args[++i];
                    break;
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    return (null, $"unknown or incomplete option '{option}'");
                default:
                    if (question is not null) return (null, "give the question as one quoted argument");
                    question = args[i];
                    break;
            }
        }

        if (questionRequired && !jsonLines && string.IsNullOrWhiteSpace(question)) return (null, "no question given");
        return (new AskArguments(question, channel, locale, json, jsonLines, explain), null);
    }
}
