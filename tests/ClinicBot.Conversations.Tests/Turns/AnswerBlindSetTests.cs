using System.Globalization;
using System.Text.RegularExpressions;
using ClinicBot.Answering;
using ClinicBot.Answering.Extractive;
using ClinicBot.Conversations.Turns;
using ClinicBot.Prompts;
using ClinicBot.Prompts.Templates;
using ClinicBot.Testing;
using ClinicBot.Training.Answers;
using Xunit.Abstractions;

namespace ClinicBot.Conversations.Tests.Turns;

/// <summary>
/// The answer figures that count: the blind split in <c>tests/data/answers/blind</c>, written by someone who saw only
/// the format page and the articles; nothing is tuned on it. Measured twice: through the whole turn pipeline as a
/// patient meets it (triage first, so an education question triage sends elsewhere is a question not answered), and
/// the answerer alone (what the answer model decides, without triage in front of it). The report is printed on every
/// run; the floors sit about four points under what was measured when they were set (the answer model is to be
/// retrained once more), so a change that loses real ground fails. Grounding is not a floor: it is 100 %.
/// The bars of the issue [Answers], not yet met, are higher: answerable questions answered ≥ 95 %, citing a right
/// article ≥ 90 %, stating every key fact ≥ 75 %; unanswerable ones abstained on ≥ 90 %; answers grounded 100 %;
/// follow-ups right ≥ 85 %.
/// </summary>
public sealed partial class AnswerBlindSetTests(EngineFixture engine, ITestOutputHelper output) : IClassFixture<EngineFixture>
{
    private const string Header = "== Answers, blind split (tests/data/answers/blind; nothing is tuned on it) ==";
    private const int MaxWrongLines = 40;

    private static readonly Lazy<List<AnswerExample>> LazyBlind =
        new(() => AnswerCorpus.Read(Path.Combine(RepositoryPaths.Root, "tests", "data", "answers", "blind")));

    private static List<AnswerExample> Blind => LazyBlind.Value;

    [Fact]
    public async Task BlindSplit_WholePipeline_HoldsFloors()
    {
        var outcomes = new List<AnswerOutcome>();
        var texts = new Dictionary<AnswerOutcome, string>(ReferenceEqualityComparer.Instance);
        var routedAway = new List<(AnswerExample Example, string Route)>();
        var previousRoutedAway = new List<(AnswerExample Example, string Route)>();
        foreach (var example in Blind)
        {
            var (reply, previousRoute) = await AskAsync(example);
            if (reply.Route is not (Routes.Answer or Routes.Abstain)) routedAway.Add((example, reply.Route));
            if (previousRoute is not null and not (Routes.Answer or Routes.Abstain)) previousRoutedAway.Add((example, previousRoute));

            var answered = reply.Route == Routes.Answer;
            var outcome = AnswerReport.Score(example, answered, reply.Text, reply.Sources, answered ? Evidence(reply, example) : [], engine.Knowledge, Reason(reply));
            outcomes.Add(outcome);
            texts[outcome] = reply.Text;
        }

        var report = AnswerReport.Of(outcomes);
        output.WriteLine(Header);
        output.WriteLine(report.Format("blind split, whole pipeline").TrimEnd());

        var answerable = routedAway.Where(r => r.Example.Answerable).ToList();
        output.WriteLine($"answerable questions triage routed away from the answerer: {answerable.Count} of {Blind.Count(e => e.Answerable)}"
            + (answerable.Count == 0 ? "" : " (" + ByRoute(answerable) + ")"));
        var unanswerable = routedAway.Where(r => !r.Example.Answerable).ToList();
        output.WriteLine($"unanswerable questions triage routed elsewhere (not answered, so counted as abstained): {unanswerable.Count} of {Blind.Count(e => !e.Answerable)}"
            + (unanswerable.Count == 0 ? "" : " (" + ByRoute(unanswerable) + ")"));
        output.WriteLine($"follow-ups whose previous question triage routed away (read without it): {previousRoutedAway.Count} of {Blind.Count(e => e.IsFollowUp)}"
            + (previousRoutedAway.Count == 0 ? "" : " (" + ByRoute(previousRoutedAway) + ")"));
        foreach (var (example, route) in answerable.Take(10)) output.WriteLine($"  routed {route}: \"{example.Text}\"");
        PrintWrong(report, o => texts[o]);

        AssertFloors(report, WholePipeline);
    }

    [Fact]
    public void BlindSplit_AnswererAlone_HoldsFloors()
    {
        var composer = engine.Get<ExtractiveComposer>();
        Assert.True(composer.UsesModel, "the answerer runs without its model: prompts/answering/answer-model.json or the sentence vectors are missing.");

        var report = AnswerReport.Run(composer, engine.Knowledge, Blind);
        output.WriteLine(Header);
        output.WriteLine(report.Format("blind split, answerer alone").TrimEnd());
        // Only the cases printed are composed again, for the key facts their text misses (the composer is deterministic).
        PrintWrong(report, o => composer.Compose(AnswerReport.Request(o.Example)).Text);

        AssertFloors(report, AnswererAlone);
    }

    // Measured on 2026-11-30 (fifth session: 1,000 more training questions, follow-ups read by triage with the messages
    // before them) with the answer and triage models then in prompts/, blind split of 616 questions (432 answerable, 184
    // not, 110 follow-ups). Answerer alone: answered 94.4 %, cited right 93.3 %, all key facts 82.6 %, abstained 97.3 %,
    // follow-ups 86.4 %, grounded 100 %. Whole pipeline: 88.9 %, 88.0 %, 78.2 %, 97.8 %,
    // 86.4 %, 100 % (28 answerable questions never reach the answerer: triage routes 22 of them clinical). Each floor is two to three points under. Retraining has
    // moved these by up to five points (per language by more: too few questions for floors of their own); raise the
    // floors when a model lifts them.
    private static readonly Floors WholePipeline = new(Answered: 0.86, Cited: 0.85, KeyFacts: 0.75, Abstained: 0.94, FollowUps: 0.83);

    private static readonly Floors AnswererAlone = new(Answered: 0.92, Cited: 0.91, KeyFacts: 0.80, Abstained: 0.94, FollowUps: 0.83);

    private sealed record Floors(double Answered, double Cited, double KeyFacts, double Abstained, double FollowUps);

    // Every floor is checked before failing, so one run names every figure that fell.
    private static void AssertFloors(AnswerReport report, Floors floors)
    {
        var fallen = new List<string>();
        Check(fallen, "answerable answered", report.AnswerRate, floors.Answered, "95 %");
        Check(fallen, "answerable cited right", report.CitedRate, floors.Cited, "90 %");
        Check(fallen, "answerable all key facts", report.KeyFactsRate, floors.KeyFacts, "75 %");
        Check(fallen, "unanswerable abstained", report.AbstainRate, floors.Abstained, "90 %");
        Check(fallen, "follow-ups right", report.FollowUpRate, floors.FollowUps, "85 %");
        Check(fallen, "answers grounded", report.GroundedRate, 1.0, "100 %");
        Assert.True(fallen.Count == 0, string.Join("; ", fallen));
    }

    private static void Check(List<string> fallen, string name, double rate, double floor, string bar)
    {
        if (!(rate >= floor)) fallen.Add(string.Create(CultureInfo.InvariantCulture, $"{name} {rate:P1} < floor {floor:P0} (issue bar {bar})"));
    }

    // The wrong cases by kind, worst first (ungrounded, then answered although the articles are silent, then not
    // answered, wrong article, missing fact), a few of each kind so one kind does not fill the list.
    private void PrintWrong(AnswerReport report, Func<AnswerOutcome, string> replyText)
    {
        var wrong = report.Outcomes.Where(o => !o.IsRight || !o.Grounded).ToList();
        var kinds = wrong.GroupBy(Kind).OrderBy(g => g.Key).ToList();
        var perKind = kinds.Count == 0 ? 0 : Math.Max(MaxWrongLines / kinds.Count, 1);
        var shown = kinds.SelectMany(g => g.Take(perKind)).Take(MaxWrongLines).ToList();
        output.WriteLine($"wrong: {wrong.Count} of {report.Outcomes.Count} ({string.Join(", ", kinds.Select(g => $"{KindNames[g.Key]} {g.Count()}"))})"
            + (shown.Count < wrong.Count ? $", {shown.Count} shown" : ""));
        foreach (var outcome in shown)
        {
            output.WriteLine($"  {Describe(outcome, replyText(outcome))} [{outcome.Example.Locale}/{outcome.Example.Channel}{(outcome.Example.IsFollowUp ? ", follow-up" : "")}] \"{outcome.Example.Text}\"");
        }
    }

    private static readonly string[] KindNames = ["ungrounded", "answered unanswerable", "not answered", "wrong article", "missing key fact"];

    private static int Kind(AnswerOutcome outcome) =>
        !outcome.Grounded ? 0 : !outcome.Example.Answerable ? 1 : !outcome.Answered ? 2 : !outcome.CitedRight ? 3 : 4;

    private static string Describe(AnswerOutcome outcome, string text)
    {
        var example = outcome.Example;
        return Kind(outcome) switch
        {
            0 => "UNGROUNDED: " + text.ReplaceLineEndings(" "),
            1 => "answered an unanswerable question",
            2 => "not answered (" + (outcome.Reason ?? "?") + ")",
            3 => "cited none of [" + string.Join(", ", example.Sources) + "]",
            _ => "missing " + string.Join(" | ", example.KeyFacts.Where(g => !g.Any(f => text.Contains(f, StringComparison.OrdinalIgnoreCase))).Select(g => string.Join("/", g))),
        };
    }

    private static string ByRoute(IEnumerable<(AnswerExample Example, string Route)> rows) =>
        string.Join(", ", rows.GroupBy(r => r.Route).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}"));

    private static string? Reason(Reply reply) => reply.Route switch
    {
        Routes.Answer => null,
        Routes.Abstain => reply.Reasons.FirstOrDefault() ?? "abstain",
        _ => "triage:" + reply.Route,
    };

    // Each question is a new conversation; a follow-up's earlier questions are asked first in the same conversation,
    // on the same channel and in the same language, so the pipeline decides itself what the follow-up leans on.
    private async Task<(Reply Reply, string? PreviousRoute)> AskAsync(AnswerExample example)
    {
        var conversation = "blind-" + Guid.NewGuid().ToString("N");
        var channel = ChannelOf(example);
        string? previousRoute = null;
        foreach (var earlier in example.Previous ?? [])
        {
            previousRoute = (await engine.Pipeline.HandleAsync(new TurnRequest(conversation, channel, example.Locale, earlier))).Route;
        }

        return (await engine.Pipeline.HandleAsync(new TurnRequest(conversation, channel, example.Locale, example.Text)), previousRoute);
    }

    private static Channel ChannelOf(AnswerExample example) => example.Channel == "sms" ? Channel.Sms : Channel.Web;

    // The Reply contract carries no evidence sentences, so they are read back from the text the patient sees, with the
    // template text around them removed by rendering the same templates: on the web each quoted sentence is followed by
    // the numbers of the articles it cites ("... [1][2]"), so each is checked against exactly those; an SMS cites its
    // articles once at the end, so its body is taken apart into whole sentences of the cited articles (the last may be
    // a leading clause cut with an ellipsis) and any remainder is kept as one piece, which is then not found. Score
    // counts an answer grounded when every piece is found in an article it cites. Asking the composer again would
    // check what the composer says it quoted, not what the pipeline sent.
    private List<CitedSentence> Evidence(Reply reply, AnswerExample example)
    {
        var templates = engine.Get<ResponseTemplates>();
        return ChannelOf(example) == Channel.Sms
            ? SmsEvidence(reply, example.Locale, templates)
            : WebEvidence(reply, example.Locale, templates);
    }

    private static List<CitedSentence> WebEvidence(Reply reply, string locale, ResponseTemplates templates)
    {
        var intro = templates.Render("answer_intro", locale, Channel.Web);
        var heading = "**" + templates.Render("answer_sources_heading", locale, Channel.Web) + "**";
        var body = string.Join(' ', reply.Text.Split("\n\n")
            .TakeWhile(p => !p.StartsWith(heading, StringComparison.Ordinal))
            .Where(p => intro.Length == 0 || p != intro));

        var evidence = new List<CitedSentence>();
        var start = 0;
        foreach (Match marker in CitationMarkers().Matches(body))
        {
            var ids = CitationNumber().Matches(marker.Value)
                .Select(n => int.Parse(n.Groups[1].Value, CultureInfo.InvariantCulture))
                .Where(n => n >= 1 && n <= reply.Sources.Count)
                .Select(n => reply.Sources[n - 1])
                .ToList();
            evidence.Add(new CitedSentence(body[start..marker.Index].Trim(), ids));
            start = marker.Index + marker.Length;
        }

        // Text after the last citation cites nothing, so it cannot be grounded.
        if (body[start..].Trim() is { Length: > 0 } uncited) evidence.Add(new CitedSentence(uncited, []));
        return evidence;
    }

    private List<CitedSentence> SmsEvidence(Reply reply, string locale, ResponseTemplates templates)
    {
        var text = reply.Text;
        var intro = templates.Render("answer_intro", locale, Channel.Sms);
        if (intro.Length > 0 && text.StartsWith(intro + " ", StringComparison.Ordinal)) text = text[(intro.Length + 1)..];
        var sourcesLabel = " " + templates.Render("answer_sms_sources", locale, Channel.Sms, new Dictionary<string, string> { ["sources"] = "" }).TrimEnd();
        var end = text.LastIndexOf(sourcesLabel, StringComparison.Ordinal);
        var rest = (end >= 0 ? text[..end] : text).Trim();

        var candidates = reply.Sources
            .SelectMany(id => engine.Knowledge.FindArticle(id)?.Passages.SelectMany(p => p.Sentences) ?? [])
            .Select(s => s.Text)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length)
            .ToList();
        var evidence = new List<CitedSentence>();
        while (rest.Length > 0)
        {
            var whole = candidates.FirstOrDefault(s => rest.StartsWith(s, StringComparison.Ordinal) && (rest.Length == s.Length || rest[s.Length] == ' '));
            if (whole is null)
            {
                evidence.Add(new CitedSentence(rest.TrimEnd('…'), reply.Sources));
                break;
            }

            evidence.Add(new CitedSentence(whole, reply.Sources));
            rest = rest[whole.Length..].TrimStart();
        }

        return evidence;
    }

    [GeneratedRegex(@"(?:\[\d+\])+")]
    private static partial Regex CitationMarkers();

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex CitationNumber();
}
