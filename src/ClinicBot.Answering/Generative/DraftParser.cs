using System.Globalization;
using System.Text.RegularExpressions;
using ClinicBot.Knowledge.Text;

namespace ClinicBot.Answering.Generative;

/// <summary>
/// Splits the model's reply into sentences and their citation markers. Markers are accepted as "[1]", "[1][3]" or
/// "[1, 3]", before or just after the full stop; list bullets and emphasis are dropped, since the channel formatter
/// lays the answer out itself.
/// </summary>
internal static partial class DraftParser
{
    /// <summary>What the prompt tells the model to write when the passages do not answer the question.</summary>
    public const string NoAnswer = "NO_ANSWER";

    public static IReadOnlyList<DraftSentence> Parse(string reply)
    {
        if (reply.Contains(NoAnswer, StringComparison.Ordinal)) return [];

        var sentences = new List<DraftSentence>();
        foreach (var rawLine in reply.Split('\n'))
        {
            var line = ListBullet().Replace(rawLine, "").Replace("**", "", StringComparison.Ordinal).Replace("__", "", StringComparison.Ordinal).Trim();
            if (line.Length == 0) continue;

            line = MarkerList().Replace(line, m => string.Concat(m.Groups[1].Value.Split(',').Select(n => $"[{n.Trim()}]")));
            line = MarkersAfterStop().Replace(line, m => m.Groups["marks"].Value.Replace(" ", "", StringComparison.Ordinal) + m.Groups["stop"].Value);
            foreach (var sentence in SentenceSplitter.Split(line))
            {
                var markers = Marker().Matches(sentence)
                    .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
                    .Distinct()
                    .ToList();
                var text = SpaceBeforeStop().Replace(Spaces().Replace(Marker().Replace(sentence, ""), " "), "$1").Trim();
                if (text.Length > 0) sentences.Add(new DraftSentence(text, markers));
            }
        }

        return sentences;
    }

    [GeneratedRegex(@"\[(\d{1,3})\]", RegexOptions.CultureInvariant)]
    private static partial Regex Marker();

    [GeneratedRegex(@"\[(\d{1,3}(?:\s*,\s*\d{1,3})+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex MarkerList();

    [GeneratedRegex(@"(?<stop>[.!?])(?<marks>(?:\s*\[\d{1,3}\])+)", RegexOptions.CultureInvariant)]
    private static partial Regex MarkersAfterStop();

    [GeneratedRegex(@"^\s*([-*•]|\d{1,2}[.)])\s+", RegexOptions.CultureInvariant)]
    private static partial Regex ListBullet();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\s+([.!?,;:])", RegexOptions.CultureInvariant)]
    private static partial Regex SpaceBeforeStop();
}
