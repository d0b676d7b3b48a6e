using System.Text;
using System.Text.RegularExpressions;
using ClinicBot.Safety.Normalization;

namespace ClinicBot.Safety.Rules;

/// <summary>
/// Compiles rule phrases and patterns over normalised text: phrases into a <see cref="PhraseIndex"/>, patterns into
/// one compiled regular expression per rule part. Rules say "also needs" and "unless" as separate lists instead of
/// lookarounds, so patterns stay simple enough for a clinician to read.
/// </summary>
internal sealed class RuleCompiler(TextNormalizer normalizer)
{
    // Compiled: rules run on every message, so start-up pays once for faster matching. ExplicitCapture: groups only
    // group. No IgnoreCase: text and patterns are both lower case already, and case-insensitive matching is slower.
    private const RegexOptions Options = RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    // A clinician's pattern that backtracks badly must not stall a patient's message: matching gives up after
    // this long. Generous, because a busy machine can deschedule a thread mid-match; a healthy rule takes microseconds.
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Compiles a rule whose phrases are registered in <paramref name="phrases"/> (matched word by word).</summary>
    public CompiledRule Compile(string file, RuleModel rule, string responseKey, PhraseIndex phrases)
    {
        var id = rule.Id!;
        return new CompiledRule(
            id,
            responseKey,
            Part(file, id, "phrases/patterns", rule, phrases)
                ?? throw new InvalidDataException($"{file}: rule '{id}' has no phrases or patterns."),
            rule.Requires is null ? null : Part(file, id, "requires", rule.Requires, phrases)
                ?? throw new InvalidDataException($"{file}: rule '{id}' has an empty 'requires'."),
            rule.Unless is null ? null : Part(file, id, "unless", rule.Unless, phrases));
    }

    /// <summary>One regular expression for every phrase and pattern of a rule (exclusions, which replace what they match).</summary>
    public Regex? Matcher(string file, string id, string part, MatcherModel model)
    {
        var alternatives = NormalizedPhrases(file, id, part, model).Select(PhrasePattern)
            .Concat((model.Patterns ?? []).Select(p => "(?:" + Checked(file, id, part, p) + ")"))
            .ToList();
        return alternatives.Count == 0 ? null : Build(file, id, part, string.Join('|', alternatives));
    }

    private RuleMatcher? Part(string file, string id, string part, MatcherModel model, PhraseIndex phrases)
    {
        var normalized = NormalizedPhrases(file, id, part, model);
        var patterns = (model.Patterns ?? []).Select(p => "(?:" + Checked(file, id, part, p) + ")").ToList();
        if (normalized.Count == 0 && patterns.Count == 0) return null;

        return new RuleMatcher(
            normalized.Count == 0 ? null : phrases.Add(normalized),
            patterns.Count == 0 ? null : Build(file, id, part, string.Join('|', patterns)));
    }

    private List<string> NormalizedPhrases(string file, string id, string part, MatcherModel model)
    {
        var normalized = new List<string>();
        List<string> phrases;
        try
        {
            phrases = model.AllPhrases().ToList();
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"{file}: rule '{id}' in {part}: {ex.Message}", ex);
        }

        foreach (var phrase in phrases)
        {
            var text = string.IsNullOrWhiteSpace(phrase) ? "" : normalizer.Normalize(phrase);
            if (text.Length == 0)
            {
                throw new InvalidDataException($"{file}: rule '{id}' has an empty phrase in {part}.");
            }

            normalized.Add(text);
        }

        return normalized;
    }

    private static string Checked(string file, string id, string part, string pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            throw new InvalidDataException($"{file}: rule '{id}' has an empty pattern in {part}.");
        }

        var normalized = TextNormalizer.NormalizePattern(pattern);

        // Interpreted, not compiled: this instance only checks the pattern, so the error can quote it exactly.
        Regex regex;
        try
        {
            regex = new Regex(normalized, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, MatchTimeout);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidDataException($"{file}: rule '{id}' has an invalid pattern in {part} '{pattern}': {ex.Message}", ex);
        }

        // A pattern that matches empty text would match every message and silently route everything.
        if (regex.IsMatch("") || regex.IsMatch(" "))
        {
            throw new InvalidDataException($"{file}: rule '{id}' pattern '{pattern}' matches empty text.");
        }

        return normalized;
    }

    private static Regex Build(string file, string id, string part, string source)
    {
        try
        {
            var regex = new Regex(source, Options, MatchTimeout);
            WarmUp(regex);
            return regex;
        }
        catch (ArgumentException ex)
        {
            throw new InvalidDataException($"{file}: rule '{id}' has an invalid pattern in {part}: {ex.Message}", ex);
        }
    }

    /// <summary>Runs a compiled expression once so its JIT cost is paid at start-up, not by the first patient.</summary>
    private static void WarmUp(Regex regex)
    {
        try
        {
            regex.IsMatch("warm up");
        }
        catch (RegexMatchTimeoutException)
        {
            // A starved start-up thread is not a broken rule; the real check is the empty-text test in Checked.
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
