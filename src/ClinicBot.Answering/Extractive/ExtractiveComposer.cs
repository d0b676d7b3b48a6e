using ClinicBot.Answering.Citations;
using ClinicBot.Answering.Confidence;
using ClinicBot.Knowledge;
using ClinicBot.Knowledge.Search;
using ClinicBot.Knowledge.Text;
using ClinicBot.Prompts;
using ClinicBot.Prompts.Templates;

namespace ClinicBot.Answering.Extractive;

/// <summary>
/// The offline answerer: quotes the article sentences that answer a question, cites them, and abstains when
/// they do not cover enough of the question or lack the kind of fact it asks for. Every sentence of an answer
/// is an article sentence (or its leading clauses); all other words come from <c>prompts/responses</c>.
/// </summary>
public sealed class ExtractiveComposer : IAnswerComposer
{
    /// <summary>The name recorded on answers this composer produces.</summary>
    public const string Name = "extractive";

    private const int MaxSmsSentences = 3;

    private readonly QueryAnalyzer _analyzer;
    private readonly PassageSearcher _searcher;
    private readonly SentenceSelector _selector;
    private readonly AnswerFormatter _formatter;
    private readonly ResponseTemplates _templates;
    private readonly IReadOnlyList<RequiredEvidenceRule> _evidenceRules;
    private readonly AnsweringOptions _options;
    private readonly NotQuotedFilter _notQuoted;

    /// <summary>Wires the answerer over a loaded knowledge base.</summary>
    public ExtractiveComposer(
        KnowledgeBase knowledge,
        QueryAnalyzer analyzer,
        PassageSearcher searcher,
        ResponseTemplates templates,
        IReadOnlyList<RequiredEvidenceRule> evidenceRules,
        IReadOnlySet<string> stopStems,
        NotQuotedFilter notQuoted,
        AnsweringOptions options)
    {
        _notQuoted = notQuoted;
        _analyzer = analyzer;
        _searcher = searcher;
        _templates = templates;
        _evidenceRules = evidenceRules;
        _options = options;
        _selector = new SentenceSelector(knowledge, new ClaimSimilarity(stopStems), options);
        _formatter = new AnswerFormatter(knowledge, templates);
    }

    /// <inheritdoc />
    public Task<ComposedAnswer> ComposeAsync(string question, string locale, Channel channel, ISentenceFilter filter, CancellationToken cancellationToken) =>
        Task.FromResult(Compose(question, locale, channel, filter));

    /// <summary>Answers an education question from the articles, or abstains.</summary>
    public ComposedAnswer Compose(string question, string locale, Channel channel, ISentenceFilter? filter = null)
    {
        filter = filter is null ? _notQuoted : new BothFilters(_notQuoted, filter);
        var query = _analyzer.Analyze(question);
        var passages = _searcher.Search(query, _options.CandidatePassages);
        var candidates = SentenceScorer.Score(query, passages);

        var selected = channel == Channel.Sms
            ? SelectForSms(query, candidates, locale, filter)
            : _selector.Select(candidates, mask => SentenceScorer.Weight(query, mask), _options.MaxWebSentences, _options.MaxWebCharacters, filter);

        if (selected.Count == 0) return Abstain(locale, channel, 0, "no_match");

        // Confidence is what the single best-covering sentence (with its heading) says of the question: concepts
        // scattered over unrelated sentences ("wears off" here, "first-line" there) do not add up to an answer.
        var coverage = selected.Max(s => SentenceScorer.Weight(query, s.Concepts | s.HeadingConcepts));
        if (coverage < _options.MinimumCoverage) return Abstain(locale, channel, coverage, "low_coverage");

        var folded = selected.Select(s => TextNormalizer.Fold(s.Text)).ToList();
        var missing = _evidenceRules.FirstOrDefault(r => r.AppliesTo(query.EnglishText) && !r.IsSatisfiedBy(folded));
        if (missing is not null) return Abstain(locale, channel, coverage, "missing_evidence:" + missing.Id);

        var sources = Sources(selected);
        var text = _formatter.Format(selected, sources, locale, channel);
        var evidence = selected.Select(s => new CitedSentence(s.Text, s.ArticleIds.ToList())).ToList();
        return new ComposedAnswer(true, text, sources, evidence, coverage, Name);
    }

    /// <summary>
    /// How the answerer sees a question, for people tuning <c>knowledge/synonyms.yaml</c>: the concepts with their
    /// weights and the best-scoring article sentences.
    /// </summary>
    public IEnumerable<string> Explain(string question, int sentences = 8)
    {
        var query = _analyzer.Analyze(question);
        yield return "tokens: " + query.EnglishText;
        foreach (var concept in query.Concepts)
        {
            yield return $"concept '{concept.Label}' weight={concept.Weight:0.00} passages={concept.PassageCount}";
        }

        var candidates = SentenceScorer.Score(query, _searcher.Search(query, _options.CandidatePassages));
        foreach (var candidate in candidates.Take(sentences))
        {
            var coverage = SentenceScorer.Weight(query, candidate.Concepts | candidate.HeadingConcepts);
            yield return $"{candidate.Score:0.000} coverage={coverage:0.00} [{candidate.ArticleId}] {candidate.Sentence.Text}";
        }
    }

    // SMS has a hard length limit: choose within an estimated budget, then drop or trim until the whole reply fits.
    private List<SelectedSentence> SelectForSms(QueryAnalysis query, IReadOnlyList<CandidateSentence> candidates, string locale, ISentenceFilter filter)
    {
        if (candidates.Count == 0) return [];

        var estimatedOverhead = _formatter.SmsOverhead([candidates[0].ArticleId], locale);
        var selected = _selector.Select(candidates, mask => SentenceScorer.Weight(query, mask), MaxSmsSentences, _options.MaxSmsCharacters - estimatedOverhead, filter);
        while (true)
        {
            var sources = Sources(selected);
            var overhead = _formatter.SmsOverhead(sources, locale);
            var length = overhead + selected.Sum(s => s.Text.Length + 1);
            if (length <= _options.MaxSmsCharacters) return selected;
            if (selected.Count > 1)
            {
                selected.RemoveAt(selected.Count - 1);
                continue;
            }

            var only = selected[0];
            if (only.ArticleIds.Count > 1)
            {
                only.ArticleIds.RemoveRange(1, only.ArticleIds.Count - 1);
                continue;
            }

            var trimmed = ClauseTrimmer.Trim(only.Text, _options.MaxSmsCharacters - overhead - 1);
            if (trimmed is null) return [];
            only.Text = trimmed;
            return selected;
        }
    }

    private static List<string> Sources(IEnumerable<SelectedSentence> selected) =>
        selected.SelectMany(s => s.ArticleIds).Distinct(StringComparer.Ordinal).ToList();

    private ComposedAnswer Abstain(string locale, Channel channel, double coverage, string reason) =>
        new(false, _templates.Render("abstain", locale, channel), [], [], coverage, Name, reason);

    private sealed class BothFilters(ISentenceFilter first, ISentenceFilter second) : ISentenceFilter
    {
        public bool Allows(string sentence) => first.Allows(sentence) && second.Allows(sentence);
    }
}
