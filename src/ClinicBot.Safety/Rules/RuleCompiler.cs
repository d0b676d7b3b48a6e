using System.Text;
using System.Text.RegularExpressions;
using ClinicBot.Safety.Normalization;

namespace ClinicBot.Safety.Rules;

/// <summary>
/// Compiles rule phrases and patterns into regular expressions over normalised text. NonBacktracking runs in time
/// linear in the message, so no pattern a clinician writes can make triage hang; it rejects lookarounds and
/// backreferences, which is why rules express "also needs" and "unless" as separate lists instead.
/// </summary>
internal sealed class RuleCompiler(TextNormalizer normalizer)
{
    private const RegexOptions Options = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;

    public CompiledRule Compile(string file, RuleModel rule, string responseKey) =>
        new(
            rule.Id!,
            Matcher(file, rule.Id!, "phrases/patterns", rule)
                ?? throw new InvalidDataException($"{file}: rule '{rule.Id}' has no phrases or patterns."),
            rule.Requires is null ? null : Matcher(file, rule.Id!, "requires", rule.Requires)
                ?? throw new InvalidDataException($"{file}: rule '{rule.Id}' has an empty 'requires'."),
            rule.Unless is null ? null : Matcher(file, rule.Id!, "unless", rule.Unless),
            responseKey);

    /// <summary>One regular expression matching any of several rules' main phrases and patterns: a cheap first pass.</summary>
    public static Regex Any(IEnumerable<CompiledRule> rules) =>
        new(string.Join('|', rules.Select(r => "(?:" + r.Match + ")")), Options);

    public Regex? Matcher(string file, string id, string part, MatcherModel model)
    {
        var alternatives = new List<string>();
        foreach (var phrase in model.Phrases ?? [])
        {
            var normalized = string.IsNullOrWhiteSpace(phrase) ? "" : normalizer.Normalize(phrase);
            if (normalized.Length == 0)
            {
                throw new InvalidDataException($"{file}: rule '{id}' has an empty phrase in {part}.");
            }

            alternatives.Add(PhrasePattern(normalized));
        }

        foreach (var pattern in model.Patterns ?? [])
        {
            alternatives.Add("(?:" + Checked(file, id, part, pattern) + ")");
        }

        if (alternatives.Count == 0) return null;
        return Build(file, id, part, string.Join('|', alternatives));
    }

    private static string Checked(string file, string id, string part, string pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            throw new InvalidDataException($"{file}: rule '{id}' has an empty pattern in {part}.");
        }

        var normalized = TextNormalizer.NormalizePattern(pattern);
        var regex = Build(file, id, part, normalized, pattern);

        // A pattern that matches empty text would match every message and silently route everything.
        if (regex.IsMatch("") || regex.IsMatch(" "))
        {
            throw new InvalidDataException($"{file}: rule '{id}' pattern '{pattern}' matches empty text.");
        }

        return normalized;
    }

    private static Regex Build(string file, string id, string part, string source, string? original = null)
    {
        try
        {
            return new Regex(source, Options);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            throw new InvalidDataException($"{file}: rule '{id}' has an invalid pattern in {part} '{original ?? source}': {ex.Message}", ex);
        }
    }

    /// <summary>A phrase matches as whole words: "kms" does not match inside "kmsg".</summary>
    private static string PhrasePattern(string normalized)
    {
        var pattern = new StringBuilder();
        if (char.IsLetterOrDigit(normalized[0])) pattern.Append(@"\b");
        pattern.Append(Regex.Escape(normalized));
        if (char.IsLetterOrDigit(normalized[^1])) pattern.Append(@"\b");
        return pattern.ToString();
    }
}
