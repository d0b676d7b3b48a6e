using ClinicBot.Answering.Citations;
using ClinicBot.Answering.Confidence;
using ClinicBot.Answering.Model;
using ClinicBot.Answering.Retrieval;
using ClinicBot.Knowledge;
using ClinicBot.Knowledge.Search;
using ClinicBot.Knowledge.Text;
using ClinicBot.Prompts;
using ClinicBot.Prompts.Templates;

namespace ClinicBot.Answering.Extractive;

/// <summary>
/// The offline answerer: quotes the article sentences that answer a question, cites them, and abstains when
/// they do not answer it. Retrieval is hybrid (sentence vectors and BM25, ranked by a learned relevance head); a
/// learned answer head decides between answering and abstaining, and the required-evidence rules veto an answer
/// that lacks the kind of fact asked for. Every sentence of an answer is an article sentence (or its leading
/// clauses); all other words come from <c>prompts/responses</c>. Without the model file or the embedding model it
/// falls back to lexical retrieval and a concept-coverage threshold.
/// </summary>
public sealed class ExtractiveComposer : IAnswerComposer
{
    /// <summary>The name recorded on answers this composer produces.</summary>
    public const string Name = "extractive";

    private const int MaxSmsSentences = 3;

    // Reciprocal rank fusion's constant: small, because a question's pool is a few dozen sentences, not thousands.
    private const double FusionK = 10;

    private readonly KnowledgeBase _knowledge;
    private readonly QuestionReader _reader;
    private readonly PassageSearcher _searcher;
    private readonly HybridRetriever _retriever;
    private readonly SentenceSelector _selector;
    private readonly AnswerFormatter _formatter;
    private readonly ResponseTemplates _templates;
    private readonly IReadOnlyList<RequiredEvidenceRule> _evidenceRules;
    private readonly IReadOnlySet<string> _stopStems;
    private readonly AnsweringOptions _options;
    private readonly NotQuotedFilter _notQuoted;
    private readonly AnswerModel? _model;

    /// <summary>Wires the answerer over a loaded knowledge base; a null <c>model</c> means lexical retrieval and the coverage threshold.</summary>
    public ExtractiveComposer(
        KnowledgeBase knowledge,
        QuestionReader reader,
        PassageSearcher searcher,
        ResponseTemplates templates,
        IReadOnlyList<RequiredEvidenceRule> evidenceRules,
        IReadOnlySet<string> stopStems,
        NotQuotedFilter notQuoted,
        AnsweringOptions options,
        AnswerModel? model)
    {
        _knowledge = knowledge;
        _notQuoted = notQuoted;
        _reader = reader;
        _searcher = searcher;
        _templates = templates;
        _evidenceRules = evidenceRules;
        _stopStems = stopStems;
        _options = options;
        _model = knowledge.Vectors.IsEmpty ? null : model;
        _retriever = new HybridRetriever(knowledge, searcher, options);
        _selector = new SentenceSelector(knowledge, new ClaimSimilarity(stopStems, knowledge.Vectors), options);
        _formatter = new AnswerFormatter(knowledge, templates);
    }

    /// <summary>Whether the learned heads are in use (false: lexical fallback).</summary>
    public bool UsesModel => _model is not null;

    /// <summary>The same answerer with other heads (training evaluates candidates this way).</summary>
    public ExtractiveComposer WithModel(AnswerModel? model) =>
        new(_knowledge, _reader, _searcher, _templates, _evidenceRules, _stopStems, _notQuoted, _options, model);

    /// <inheritdoc />
    public Task<ComposedAnswer> ComposeAsync(AnswerRequest request, ISentenceFilter filter, CancellationToken cancellationToken) =>
        Task.FromResult(Compose(request, filter));

    /// <summary>Answers a standalone education question from the articles, or abstains.</summary>
    public ComposedAnswer Compose(string question, string locale, Channel channel, ISentenceFilter? filter = null) =>
        Compose(new AnswerRequest(question, locale, channel), filter);

    /// <summary>Answers an education question from the articles, or abstains.</summary>
    public ComposedAnswer Compose(AnswerRequest request, ISentenceFilter? filter = null)
    {
        filter = filter is null ? _notQuoted : new BothFilters(_notQuoted, filter);
        var (question, match) = ReadAndMatch(request);
        var candidates = Rank(question, match);
        var query = question.Analysis;
        var (locale, channel) = (request.Locale, request.Channel);

        // An SMS has room for about one sentence: the one the relevance head rates best, rather than the fused ranking's
        // first, which favours the question's exact words over the fact asked for.
        var limit = request.MaxSentences ?? int.MaxValue;
        var selected = channel == Channel.Sms
            ? SelectForSms(query, _model is null ? candidates : candidates.OrderByDescending(c => c.Relevance).ToList(), locale, filter, Math.Min(MaxSmsSentences, limit))
            : _selector.Select(candidates, mask => SentenceScorer.Weight(query, mask), Math.Min(_options.MaxWebSentences, limit), _options.MaxWebCharacters, filter);

        if (selected.Count == 0) return Abstain(locale, channel, 0, "no_match");

        double confidence;
        if (_model is not null)
        {
            confidence = _model.Answer.Probability(AnswerSignals.Of(question, candidates, _model, match));
            if (confidence < _model.AnswerThreshold) return Abstain(locale, channel, confidence, "low_confidence");
        }
        else
        {
            // Without the model, confidence is what the single best-covering sentence (with its heading) says of the
            // question: concepts scattered over unrelated sentences do not add up to an answer.
            confidence = selected.Max(s => SentenceScorer.Weight(query, s.Concepts | s.HeadingConcepts));
            if (confidence < _options.MinimumCoverage) return Abstain(locale, channel, confidence, "low_coverage");
        }

        var folded = selected.Select(s => TextNormalizer.Fold(s.Text)).ToList();
        var missing = _evidenceRules.FirstOrDefault(r => r.AppliesTo(query.EnglishText) && !r.IsSatisfiedBy(folded));
        if (missing is not null) return Abstain(locale, channel, confidence, "missing_evidence:" + missing.Id);

        var sources = Sources(selected);
        var text = _formatter.Format(selected, sources, locale, channel);
        var evidence = selected.Select(s => new CitedSentence(s.Text, s.ArticleIds.ToList())).ToList();
        return new ComposedAnswer(true, text, sources, evidence, confidence, Name);
    }

    /// <summary>The retrieval candidates of a question with their relevance features (training fits the heads on these).</summary>
    internal List<(CandidateSentence Candidate, float[] Features)> Candidates(AnswerRequest request, out ReadQuestion question)
    {
        (question, var match) = ReadAndMatch(request);
        return _retriever.Candidates(question, match);
    }

    /// <summary>The answer head's signals for a question, with this composer's relevance head (training fits the answer head on these).</summary>
    internal float[] Signals(AnswerRequest request)
    {
        var (question, match) = ReadAndMatch(request);
        return AnswerSignals.Of(question, Rank(question, match), _model ?? throw new InvalidOperationException("Signals need a model."), match);
    }

    /// <summary>How a question is read (training keeps the training questions' vectors).</summary>
    internal ReadQuestion Read(AnswerRequest request) => _reader.Read(request);

    // How the question is read, with its match against the remembered questions. A possible follow-up is read both
    // ways and keeps the reading nearer a question the model learned from (the follow-up rules alone decide without a
    // memory); the memory stores follow-ups read together, so an elliptical "is that permanent?" stays with its topic.
    private (ReadQuestion Question, MemoryMatch Match) ReadAndMatch(AnswerRequest request)
    {
        var (alone, together) = _reader.Readings(request);
        if (together is null) return (alone, Match(alone));
        var withPrevious = Match(together);
        if (_model?.Memory is null) return (together, withPrevious);
        var onItsOwn = Match(alone);
        return Nearest(onItsOwn) > Nearest(withPrevious) ? (alone, onItsOwn) : (together, withPrevious);
    }

    private static float Nearest(MemoryMatch match) => Math.Max(match.NearestAnswerable, match.NearestUnanswerable);

    // The question against the training questions the model remembers (computed once a question).
    private MemoryMatch Match(ReadQuestion question) =>
        question.Vector is { } vector && _model?.Memory is { } memory ? memory.Compare(vector) : MemoryMatch.None;

    // With the model: every pooled sentence scored by the relevance head, then ranked by reciprocal rank fusion of that
    // ranking and the lexical one, so a sentence with the question's exact terms is not lost to a close paraphrase.
    // Without the model: the lexical candidates as before.
    private List<CandidateSentence> Rank(ReadQuestion question, MemoryMatch match)
    {
        if (_model is null) return SentenceScorer.Score(question.Analysis, _searcher.Search(question.Analysis, _options.CandidatePassages));
        var scored = _retriever.Candidates(question, match)
            .Select(c => c.Candidate with { Relevance = _model.Relevance.Probability(c.Features) })
            .ToList();
        var byRelevance = HybridRetriever.Ranks(scored.OrderByDescending(c => c.Relevance));
        var byLexical = HybridRetriever.Ranks(scored.Where(c => c.Lexical > 0).OrderByDescending(c => c.Lexical));
        var ranked = scored.Select(c => c with
        {
            Score = (1.0 / (FusionK + byRelevance[c.Sentence])) + (byLexical.TryGetValue(c.Sentence, out var r) ? 1.0 / (FusionK + r) : 0),
        }).ToList();
        SentenceScorer.SortBestFirst(ranked);
        return ranked;
    }

    /// <summary>
    /// How the answerer sees a question, for people tuning <c>knowledge/synonyms.yaml</c>: the concepts with their
    /// weights, the answer head's signals and the best-ranked article sentences.
    /// </summary>
    public IEnumerable<string> Explain(string question, string locale = "en", int sentences = 8)
    {
        var read = _reader.Read(new AnswerRequest(question, locale, Channel.Web));
        var query = read.Analysis;
        yield return "tokens: " + query.EnglishText;
        foreach (var concept in query.Concepts)
        {
            yield return $"concept '{concept.Label}' weight={concept.Weight:0.00} passages={concept.PassageCount}";
        }

        var match = Match(read);
        var candidates = Rank(read, match);
        if (_model is not null)
        {
            var signals = AnswerSignals.Of(read, candidates, _model, match);
            yield return $"answer probability {_model.Answer.Probability(signals):0.000} (threshold {_model.AnswerThreshold:0.000}): "
                + string.Join(", ", AnswerSignals.Names.Zip(signals, (n, v) => $"{n}={v:0.00}"));
        }

        foreach (var candidate in candidates.Take(sentences))
        {
            var coverage = SentenceScorer.Weight(query, candidate.Concepts | candidate.HeadingConcepts);
            yield return $"{candidate.Score:0.000} relevance={candidate.Relevance:0.00} cosine={candidate.Cosine:0.00} coverage={coverage:0.00} [{candidate.ArticleId}] {candidate.Sentence.Text}";
        }
    }

    // SMS has a hard length limit: choose within an estimated budget, then drop or trim until the whole reply fits.
    private List<SelectedSentence> SelectForSms(QueryAnalysis query, IReadOnlyList<CandidateSentence> candidates, string locale, ISentenceFilter filter, int maxSentences)
    {
        if (candidates.Count == 0) return [];

        var estimatedOverhead = _formatter.SmsOverhead([candidates[0].ArticleId], locale);
        var selected = _selector.Select(candidates, mask => SentenceScorer.Weight(query, mask), maxSentences, _options.MaxSmsCharacters - estimatedOverhead, filter);
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
