using System.Globalization;
using System.Text;
using ClinicBot.Answering;
using ClinicBot.Answering.Extractive;
using ClinicBot.Knowledge;
using ClinicBot.Prompts;

namespace ClinicBot.Training.Answers;

/// <summary>
/// The answer figures of the issue, per language and channel: answerable questions answered, citing a right article,
/// stating every key fact; unanswerable ones abstained on; answer sentences found in a cited article; follow-ups right.
/// </summary>
public sealed class AnswerReport
{
    private AnswerReport(IReadOnlyList<AnswerOutcome> outcomes) => Outcomes = outcomes;

    /// <summary>One outcome an example.</summary>
    public IReadOnlyList<AnswerOutcome> Outcomes { get; }

    /// <summary>Answers every example with the composer (a follow-up with its previous question) and scores it.</summary>
    public static AnswerReport Run(ExtractiveComposer composer, KnowledgeBase knowledge, IEnumerable<AnswerExample> examples) =>
        new(examples.Select(e => Score(e, composer.Compose(Request(e)), knowledge)).ToList());

    /// <summary>Scores replies produced elsewhere (the whole turn pipeline, say).</summary>
    public static AnswerReport Of(IEnumerable<AnswerOutcome> outcomes) => new(outcomes.ToList());

    /// <summary>The request an example makes: its text, locale and channel, and its last previous question.</summary>
    public static AnswerRequest Request(AnswerExample example) =>
        new(example.Text, example.Locale, example.Channel == "sms" ? Channel.Sms : Channel.Web)
        {
            Previous = example.IsFollowUp ? new PreviousQuestion(example.Previous![^1]) : null,
        };

    /// <summary>Scores one reply against its example.</summary>
    public static AnswerOutcome Score(AnswerExample example, ComposedAnswer answer, KnowledgeBase knowledge) =>
        Score(example, answer.Answered, answer.Text, answer.Sources, answer.Evidence, knowledge, answer.AbstainReason);

    /// <summary>Scores one reply, given as its parts.</summary>
    public static AnswerOutcome Score(
        AnswerExample example, bool answered, string text, IReadOnlyList<string> sources, IReadOnlyList<CitedSentence> evidence, KnowledgeBase knowledge, string? reason)
    {
        var citedRight = answered && sources.Any(example.Sources.Contains);
        var facts = answered && example.KeyFacts.All(group => group.Any(f => text.Contains(f, StringComparison.OrdinalIgnoreCase)));
        // An SMS may quote a long sentence's leading clauses, marked with an ellipsis: the words before it must be the article's.
        var grounded = !answered || evidence.All(e => e.ArticleIds.Any(id => knowledge.FindArticle(id)?.Passages
            .Any(p => p.Sentences.Any(s => s.Text.Contains(e.Text.TrimEnd('…'), StringComparison.Ordinal))) == true));
        return new AnswerOutcome(example, answered, citedRight, facts, grounded, reason);
    }

    /// <summary>Share of answerable questions answered.</summary>
    public double AnswerRate => Rate(Answerable(Outcomes), o => o.Answered);

    /// <summary>Share of answerable questions whose answer cites a right article.</summary>
    public double CitedRate => Rate(Answerable(Outcomes), o => o.CitedRight);

    /// <summary>Share of answerable questions whose answer states every key fact.</summary>
    public double KeyFactsRate => Rate(Answerable(Outcomes), o => o.AllKeyFacts);

    /// <summary>Share of unanswerable questions abstained on.</summary>
    public double AbstainRate => Rate(Outcomes.Where(o => !o.Example.Answerable), o => !o.Answered);

    /// <summary>Share of answers whose every sentence is found in a cited article.</summary>
    public double GroundedRate => Rate(Outcomes.Where(o => o.Answered), o => o.Grounded);

    /// <summary>Share of follow-ups right for their kind.</summary>
    public double FollowUpRate => Rate(Outcomes.Where(o => o.Example.IsFollowUp), o => o.IsRight);

    /// <summary>The figures overall, per language and per channel, one line each.</summary>
    public string Format(string title)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"answers ({title}): {Line(Outcomes)}");
        foreach (var group in Outcomes.GroupBy(o => o.Example.Locale).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"answers ({title}) {group.Key}: {Line(group.ToList())}");
        }

        foreach (var group in Outcomes.GroupBy(o => o.Example.Channel).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"answers ({title}) {group.Key}: {Line(group.ToList())}");
        }

        var followUps = Outcomes.Where(o => o.Example.IsFollowUp).ToList();
        if (followUps.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"answers ({title}) follow-ups right {followUps.Count(o => o.IsRight)}/{followUps.Count} = {FollowUpRate:P1}");
        }

        return text.ToString();
    }

    private static string Line(IReadOnlyList<AnswerOutcome> outcomes)
    {
        var answerable = Answerable(outcomes).ToList();
        var unanswerable = outcomes.Where(o => !o.Example.Answerable).ToList();
        var answered = outcomes.Where(o => o.Answered).ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"answerable {answerable.Count}: answered {Rate(answerable, o => o.Answered):P1}, cited right {Rate(answerable, o => o.CitedRight):P1}, all key facts {Rate(answerable, o => o.AllKeyFacts):P1}"
            + $" | unanswerable {unanswerable.Count}: abstained {Rate(unanswerable, o => !o.Answered):P1} | grounded {Rate(answered, o => o.Grounded):P1}");
    }

    private static IEnumerable<AnswerOutcome> Answerable(IEnumerable<AnswerOutcome> outcomes) => outcomes.Where(o => o.Example.Answerable);

    private static double Rate(IEnumerable<AnswerOutcome> outcomes, Func<AnswerOutcome, bool> right)
    {
        var list = outcomes as IReadOnlyCollection<AnswerOutcome> ?? outcomes.ToList();
        return list.Count == 0 ? double.NaN : (double)list.Count(right) / list.Count;
    }
}
