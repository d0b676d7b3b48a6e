namespace ClinicBot.Answering.Citations;

/// <summary>
/// Shortens a sentence to its leading clauses, cut at a comma, semicolon or dash, so an SMS can quote
/// the start of a long article sentence word for word. The cut is marked with an ellipsis.
/// </summary>
internal static class ClauseTrimmer
{
    public const string Ellipsis = "…";
    private const int MinimumClauseLength = 60;
    private static readonly string[] Boundaries = [", ", "; ", " — ", " – ", " - "];

    /// <summary>The longest leading clause run (plus the ellipsis) within <paramref name="maxLength"/>, or null if none is long enough.</summary>
    public static string? Trim(string sentence, int maxLength)
    {
        if (sentence.Length <= maxLength) return sentence;

        var best = -1;
        foreach (var boundary in Boundaries)
        {
            for (var at = sentence.IndexOf(boundary, StringComparison.Ordinal); at >= 0; at = sentence.IndexOf(boundary, at + 1, StringComparison.Ordinal))
            {
                if (at + Ellipsis.Length <= maxLength && at > best) best = at;
            }
        }

        return best >= MinimumClauseLength ? sentence[..best] + Ellipsis : null;
    }
}
