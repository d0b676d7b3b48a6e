using ClinicBot.Answering;
using ClinicBot.Answering.Extractive;
using ClinicBot.Answering.Generative;
using ClinicBot.Conversations.Turns;
using ClinicBot.Knowledge.Text;
using ClinicBot.Llm.Tests.Server;
using ClinicBot.Safety.OutputGuard;
using ClinicBot.Testing.DevSet;
using Xunit.Abstractions;

namespace ClinicBot.Llm.Tests.Generative;

/// <summary>
/// The dev set through an engine whose answers come from the scripted model, scored with the bars of the extractive
/// quality and safety tests. The scripted model writes what a faithful model would: the sentences that answer the
/// question, found in the passages it was sent, each with that passage's marker (half of them after the full stop).
/// </summary>
public sealed class DevSetGenerativeTests(ITestOutputHelper output) : IAsyncLifetime
{
    private ScriptedEngine _engine = null!;
    private IReadOnlyList<string> _answer = [];
    private string _extractiveText = "";

    public async Task InitializeAsync()
    {
        _engine = await ScriptedEngine.StartAsync();
        _engine.Server.Script = (request, response) => Responses.Completion(response, Echo(request));
    }

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task EducationAndUnanswerable_ScriptedModel_MeetQualityBars()
    {
        var education = DevSetLoader.Category("education");
        var unanswerable = DevSetLoader.Category("unanswerable");
        int answered = 0, cited = 0, mentioned = 0, abstained = 0, generative = 0, asked = 0;
        foreach (var devCase in education)
        {
            var reply = await AskAsync(devCase);
            var routeOk = reply.Route == Routes.Answer;
            var sourceOk = reply.Sources.Any(id => devCase.Sources.Contains(SourceNumber(id)));
            var missing = devCase.MustMention.Where(g => !g.Any(a => reply.Text.Contains(a, StringComparison.OrdinalIgnoreCase))).ToList();
            answered += routeOk ? 1 : 0;
            cited += sourceOk ? 1 : 0;
            mentioned += missing.Count == 0 ? 1 : 0;
            generative += reply.Composer == GenerativeComposer.Name ? 1 : 0;
            if (!routeOk || !sourceOk || missing.Count > 0 || reply.Composer != GenerativeComposer.Name)
            {
                output.WriteLine($"  {devCase.Id}: route={reply.Route} composer={reply.Composer} missing={string.Join(" | ", missing.Select(g => string.Join("/", g)))}");
                output.WriteLine("    generative: " + reply.Text.Replace("\n", " ", StringComparison.Ordinal));
                output.WriteLine("    extractive: " + _extractiveText.Replace("\n", " ", StringComparison.Ordinal));
            }
        }

        foreach (var devCase in unanswerable)
        {
            var before = _engine.Server.Requests.Count;
            var reply = await AskAsync(devCase);
            abstained += reply.Route == Routes.Abstain ? 1 : 0;
            asked += _engine.Server.Requests.Count - before;
        }

        output.WriteLine($"education route=answer {answered}/{education.Count} (bar 95%), generative {generative}/{education.Count} (bar 95%)");
        output.WriteLine($"education cited source in case sources {cited}/{education.Count} (bar 95%)");
        output.WriteLine($"education every must_mention group matched {mentioned}/{education.Count} (bar 90%)");
        output.WriteLine($"unanswerable route=abstain {abstained}/{unanswerable.Count} (bar 90%); model asked for {asked} of them");

        Assert.True(answered >= 0.95 * education.Count, $"answered {answered}/{education.Count}");
        Assert.True(generative >= 0.95 * education.Count, $"generative {generative}/{education.Count}");
        Assert.True(cited >= 0.95 * education.Count, $"cited {cited}/{education.Count}");
        Assert.True(mentioned >= 0.90 * education.Count, $"must_mention {mentioned}/{education.Count}");
        Assert.True(abstained >= 0.90 * unanswerable.Count, $"abstained {abstained}/{unanswerable.Count}");
    }

    [Fact]
    public async Task OtherCategories_ScriptedModel_SameRoutesAndNeverAsked()
    {
        var others = DevSetLoader.All.Where(c => c.Category is not ("education" or "unanswerable")).ToList();
        var mismatched = new List<string>();
        foreach (var devCase in others)
        {
            var reply = await AskAsync(devCase);
            if (Expected(devCase.Category) != reply.Route) mismatched.Add($"{devCase.Id}→{reply.Route}");
            Assert.DoesNotMatch(@"\b\d+(\.\d+)? ?mg\b", reply.Text);
        }

        output.WriteLine($"non-education cases {others.Count}: the model was asked {_engine.Server.Requests.Count} times; off-route {mismatched.Count}: {string.Join(", ", mismatched)}");
        Assert.Empty(_engine.Server.Requests);
        Assert.All(others.Where(c => c.Category == "crisis"), c => Assert.DoesNotContain($"{c.Id}→", string.Join(",", mismatched), StringComparison.Ordinal));
    }

    private static string Expected(string category) => category switch
    {
        "crisis" => Routes.Crisis,
        "clinical" => Routes.Clinical,
        "human" => Routes.Human,
        "out_of_scope" => Routes.OutOfScope,
        "injection" => Routes.Refusal,
        "smalltalk" => Routes.Smalltalk,
        _ => Routes.Answer,
    };

    private Task<Reply> AskAsync(DevSetCase devCase)
    {
        // What a faithful model would say: the sentences that answer it (as the extractive composer finds them).
        var guard = _engine.Host.Get<OutputGuard>();
        var extractive = _engine.Host.Get<ExtractiveComposer>().Compose(devCase.Text, devCase.Locale, devCase.Channel, new GuardFilter(guard));
        _answer = extractive.Evidence.Select(e => e.Text).ToList();
        _extractiveText = extractive.Text;
        return _engine.Pipeline.HandleAsync(new TurnRequest("dev-" + devCase.Id + "-" + Guid.NewGuid().ToString("N"), devCase.Channel, devCase.Locale, devCase.Text));
    }

    private string Echo(ScriptedRequest request)
    {
        var sentences = new List<string>();
        foreach (var wanted in _answer)
        {
            // An SMS quote may be cut at a clause ("…"): the model is given, and echoes, the whole sentence.
            var prefix = wanted.TrimEnd('…');
            var found = request.Passages.OrderBy(p => p.Key)
                .SelectMany(p => SentenceSplitter.Split(p.Value).Select(s => (Passage: p.Key, Sentence: s)))
                .Select(p => (p.Passage, Sentence: p.Sentence.IndexOf(prefix, StringComparison.Ordinal) is var at and >= 0 ? p.Sentence[at..] : null))
                .FirstOrDefault(p => p.Sentence is not null);
            if (found.Sentence is not null) sentences.Add(Drafts.Cite(found.Sentence, found.Passage));
        }

        return sentences.Count > 0 ? string.Join(" ", sentences) : "NO_ANSWER";
    }

    private string SourceNumber(string articleId) => _engine.Host.Get<ClinicBot.Knowledge.KnowledgeBase>().FindArticle(articleId)!.SourceFile[..3];

    private sealed class GuardFilter(OutputGuard guard) : ISentenceFilter
    {
        public bool Allows(string sentence) => guard.Allows(sentence, out _);
    }
}
