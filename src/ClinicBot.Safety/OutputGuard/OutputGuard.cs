using ClinicBot.Safety.Normalization;
using ClinicBot.Safety.Rules;

namespace ClinicBot.Safety.OutputGuard;

/// <summary>
/// The last check on every answer sentence: drops any that gives a dose or amount (mg, mg/kg, ml), or a personal
/// recommendation ("you should stop taking...", "it is safe for you"). Rules are data in
/// <c>prompts/safety/output-guard.yaml</c>, compiled once by <see cref="Load"/>.
/// </summary>
public sealed class OutputGuard
{
    private readonly TextNormalizer _normalizer;
    private readonly RuleGroup _rules;

    private OutputGuard(TextNormalizer normalizer, RuleGroup rules)
    {
        _normalizer = normalizer;
        _rules = rules;
    }

    /// <summary>Loads the output-guard rules of a safety rules directory.</summary>
    /// <param name="safetyRulesDirectory">The <c>prompts/safety</c> directory.</param>
    /// <exception cref="InvalidDataException">A file, rule or pattern is invalid; the message names the file and rule.</exception>
    public static OutputGuard Load(string safetyRulesDirectory)
    {
        var directory = SafetyRuleDirectory.Read(safetyRulesDirectory);
        var compiler = new RuleCompiler(directory.Normalizer);
        var phrases = new PhraseIndex();
        var rules = directory.Files
            .SelectMany(f => (f.Model.OutputGuard ?? []).Select(rule => compiler.Compile(f.File, rule, "", phrases)))
            .ToList();
        if (rules.Count == 0)
        {
            throw new InvalidDataException("The safety rules define no output_guard rules; answers would go out unchecked.");
        }

        return new OutputGuard(directory.Normalizer, new RuleGroup(phrases, rules));
    }

    /// <summary>Whether a sentence may be sent to a patient.</summary>
    /// <param name="sentence">One sentence of a drafted answer.</param>
    /// <param name="reason">When it may not: the id of the rule that blocked it.</param>
    public bool Allows(string sentence, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var blocked = _rules.Matches(_normalizer.Normalize(sentence), firstOnly: true);
        reason = blocked?[0].Id;
        return blocked is null;
    }
}
