using System.Text.RegularExpressions;

namespace ClinicBot.Answering.Confidence;

/// <summary>A kind of fact some questions need (a price, a percentage, a duration) and how to recognise it in a sentence.</summary>
/// <param name="Id">The rule's name, reported when it makes the bot abstain.</param>
/// <param name="Questions">Patterns that identify a question needing this fact.</param>
/// <param name="Evidence">Patterns that identify a sentence stating such a fact.</param>
public sealed record RequiredEvidenceRule(string Id, IReadOnlyList<Regex> Questions, IReadOnlyList<Regex> Evidence)
{
    /// <summary>Whether the (folded, English) question asks for this kind of fact.</summary>
    public bool AppliesTo(string question) => Questions.Any(q => q.IsMatch(question));

    /// <summary>Whether any of the (folded) sentences states such a fact.</summary>
    public bool IsSatisfiedBy(IEnumerable<string> sentences) => sentences.Any(s => Evidence.Any(e => e.IsMatch(s)));
}
