using System.Text.Json;
using ClinicBot.Prompts;

namespace ClinicBot.Cli.Ask;

/// <summary>One <c>ask --jsonl</c> input line: <c>{"text": "...", "channel": "web|sms", "locale": "en|es"}</c>.</summary>
internal sealed record AskLine(string Text, Channel Channel, string Locale)
{
    public static bool TryParse(string line, out AskLine? question, out string? problem)
    {
        question = null;
        problem = null;
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String
                || string.IsNullOrWhiteSpace(text.GetString()))
            {
                problem = "each line needs a non-empty \"text\" string";
                return false;
            }

            var channel = Channel.Web;
            if (root.TryGetProperty("channel", out var channelValue) && !ChannelNames.TryParse(channelValue.GetString(), out channel))
            {
                problem = "\"channel\" must be \"web\" or \"sms\"";
                return false;
            }

            var locale = root.TryGetProperty("locale", out var localeValue) ? Locales.Normalize(localeValue.GetString()) : Locales.English;
            question = new AskLine(text.GetString()!, channel, locale);
            return true;
        }
        catch (JsonException ex)
        {
            problem = "not valid JSON: " + ex.Message;
            return false;
        }
    }
}
