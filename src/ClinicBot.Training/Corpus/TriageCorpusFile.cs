using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClinicBot.Training.Corpus;

/// <summary>Reads one JSONL file of messages (<c>messages-*.jsonl</c>) or conversations (<c>conversations*.jsonl</c>).</summary>
internal static class TriageCorpusFile
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip };
    private static readonly HashSet<string> Channels = ["web", "sms"];
    private static readonly HashSet<string> Locales = ["en", "es"];

    public static IEnumerable<TriageExample> Read(string path)
    {
        var name = Path.GetFileName(path);
        var conversations = name.StartsWith("conversations", StringComparison.Ordinal);
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var where = $"{name}:{number}";
            if (conversations)
            {
                foreach (var example in ReadConversation(line, where)) yield return example;
            }
            else
            {
                var row = Parse<MessageRow>(line, where);
                yield return Example(row.Text, row.Route, row.Channel, row.Locale, [], where);
            }
        }
    }

    private static IEnumerable<TriageExample> ReadConversation(string line, string where)
    {
        var row = Parse<ConversationRow>(line, where);
        if (row.Turns is not { Count: > 0 }) throw new InvalidDataException($"{where}: a conversation needs turns.");
        var id = row.Id ?? where;
        var previous = new List<string>();
        var inCrisis = false;
        for (var i = 0; i < row.Turns.Count; i++)
        {
            var turn = row.Turns[i];
            var example = Example(turn.Text, turn.Route, row.Channel, row.Locale, [.. previous], $"{where} {id} turn {i + 1}");
            if (inCrisis && example.Route != Safety.Triage.TriageRoute.Crisis)
            {
                throw new InvalidDataException($"{where}: turn {i + 1} of {id} follows a crisis turn, so it is crisis too.");
            }

            yield return example with { ConversationId = id, IsCrisisOnset = !inCrisis && example.Route == Safety.Triage.TriageRoute.Crisis };
            inCrisis |= example.Route == Safety.Triage.TriageRoute.Crisis;
            previous.Add(turn.Text!);
        }
    }

    private static TriageExample Example(string? text, string? route, string? channel, string? locale, IReadOnlyList<string> previous, string where)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new InvalidDataException($"{where}: 'text' is empty.");
        if (channel is null || !Channels.Contains(channel)) throw new InvalidDataException($"{where}: 'channel' must be web or sms.");
        if (locale is null || !Locales.Contains(locale)) throw new InvalidDataException($"{where}: 'locale' must be en or es.");
        try
        {
            return new TriageExample(text, route ?? "", channel, locale, previous, where);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{where}: {e.Message}", e);
        }
    }

    private static T Parse<T>(string line, string where)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(line, Json) ?? throw new InvalidDataException($"{where}: empty line.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{where}: not valid JSON ({e.Message}).", e);
        }
    }

    private sealed record MessageRow(string? Text, string? Route, string? Channel, string? Locale);

    private sealed record TurnRow(string? Text, string? Route);

    private sealed record ConversationRow(string? Id, string? Channel, string? Locale, List<TurnRow>? Turns);
}
