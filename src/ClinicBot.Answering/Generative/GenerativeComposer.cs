using System.Globalization;
using System.Text;
using ClinicBot.Answering.Citations;
using ClinicBot.Answering.Extractive;
using ClinicBot.Knowledge;
using ClinicBot.Knowledge.Search;
using ClinicBot.Prompts;
using ClinicBot.Prompts.Templates;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace ClinicBot.Answering.Generative;

/// <summary>
/// Answers in the model's words, checked against the articles. The extractive answer is always composed first: when
/// it abstains the model is never asked (the articles do not answer the question), and it is the reply whenever the
/// generated one cannot be trusted — the call fails, too few sentences pass <see cref="SentenceVerifier"/>, or any
/// sentence trips the output guard. Only the redacted question and the retrieved passages go to the model.
/// The answer is laid out exactly as an extractive one (citations, sources list, notice) and records its composer.
/// </summary>
public sealed class GenerativeComposer : IAnswerComposer
{
    /// <summary>The name recorded on answers this composer produces.</summary>
    public const string Name = "generative";

    private const int MaxSmsSentences = 3;

    private readonly ExtractiveComposer _extractive;
    private readonly KnowledgeBase _knowledge;
    private readonly QueryAnalyzer _analyzer;
    private readonly PassageSearcher _searcher;
    private readonly AnswerFormatter _formatter;
    private readonly NotQuotedFilter _notQuoted;
    private readonly SentenceVerifier _verifier;
    private readonly IAnswerPrompt _prompt;
    private readonly IChatClient _chat;
    private readonly AnsweringOptions _answering;
    private readonly GenerativeOptions _options;
    private readonly ILogger _logger;

    internal GenerativeComposer(
        ExtractiveComposer extractive,
        KnowledgeBase knowledge,
        QueryAnalyzer analyzer,
        PassageSearcher searcher,
        ResponseTemplates templates,
        NotQuotedFilter notQuoted,
        SentenceVerifier verifier,
        IAnswerPrompt prompt,
        IChatClient chat,
        AnsweringOptions answering,
        GenerativeOptions options,
        ILogger<GenerativeComposer> logger)
    {
        _extractive = extractive;
        _knowledge = knowledge;
        _analyzer = analyzer;
        _searcher = searcher;
        _formatter = new AnswerFormatter(knowledge, templates);
        _notQuoted = notQuoted;
        _verifier = verifier;
        _prompt = prompt;
        _chat = chat;
        _answering = answering;
        _options = options;
        _logger = logger;
    }

    /// <inheritdoc />
    public async Task<ComposedAnswer> ComposeAsync(AnswerRequest request, ISentenceFilter filter, CancellationToken cancellationToken)
    {
        var (question, locale, channel) = (request.Text, request.Locale, request.Channel);
        var extractive = _extractive.Compose(request, filter);
        if (!extractive.Answered || request.ExtractiveOnly) return extractive;

        var (passages, messages) = await PassagesAsync(question, extractive, channel, locale, cancellationToken);
        if (passages.Count == 0) return FallBack(extractive, FallbackReasons.OverBudget);

        string reply;
        try
        {
            reply = await AskAsync(messages, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            GenerativeLog.ModelFailed(_logger, ex.GetType().Name);
            return FallBack(extractive, FallbackReasons.ModelError);
        }

        var drafts = DraftParser.Parse(reply);
        if (drafts.Count == 0) return FallBack(extractive, FallbackReasons.NoAnswer);

        // A dose or personal advice anywhere means the model ignored its instructions: use none of what it wrote.
        if (drafts.Any(d => !filter.Allows(d.Text))) return FallBack(extractive, FallbackReasons.OutputGuard);

        var kept = new List<(DraftSentence Draft, PromptPassage[] Cited)>();
        for (var i = 0; i < drafts.Count; i++)
        {
            var verdict = _verifier.Verify(drafts[i], passages, locale);
            if (verdict == SentenceVerdict.Supported && !_notQuoted.Allows(drafts[i].Text)) verdict = SentenceVerdict.NotQuoted;
            GenerativeLog.SentenceChecked(_logger, i, string.Join(",", drafts[i].Markers), verdict);
            if (verdict == SentenceVerdict.Supported) kept.Add((drafts[i], drafts[i].Markers.Select(m => passages[m - 1]).ToArray()));
        }

        if (kept.Count < _options.MinimumKeptSentences || kept.Count < _options.MinimumKeptShare * drafts.Count)
        {
            return FallBack(extractive, FallbackReasons.TooLittleVerified);
        }

        var selected = kept.Select(k => Selected(k.Draft, k.Cited)).ToList();
        selected = channel == Channel.Sms ? FitSms(selected, locale) : FitWeb(selected);
        if (selected.Count == 0) return FallBack(extractive, FallbackReasons.DoesNotFit);

        GenerativeLog.Generated(_logger, kept.Count, drafts.Count, passages.Count);
        var sources = selected.SelectMany(s => s.ArticleIds).Distinct(StringComparer.Ordinal).ToList();
        var evidence = selected.Select(s => new CitedSentence(s.Text, s.ArticleIds.ToList())).ToList();
        return new ComposedAnswer(true, _formatter.Format(selected, sources, locale, channel), sources, evidence, extractive.Coverage, Name);
    }

    // The passages the extractive answer quotes come first (they are known to answer the question), then the rest by
    // search rank, while the rendered prompt stays within the token budget.
    private async Task<(List<PromptPassage> Passages, IReadOnlyList<ChatMessage> Messages)> PassagesAsync(
        string question, ComposedAnswer extractive, Channel channel, string locale, CancellationToken cancellationToken)
    {
        var ranked = _searcher.Search(_analyzer.Analyze(question), _answering.CandidatePassages).Select(r => r.Passage).ToList();
        var quoted = ranked.Where(p => p.Sentences.Any(s => extractive.Evidence.Any(e => Quotes(e.Text, s.Text)))).ToList();
        var ordered = quoted.Concat(ranked.Except(quoted)).Take(_options.MaxPassages).ToList();

        var redacted = QuestionRedactor.Redact(question);
        var chosen = new List<PromptPassage>();
        IReadOnlyList<ChatMessage> messages = [];
        foreach (var passage in ordered)
        {
            var candidate = chosen.Append(new PromptPassage(chosen.Count + 1, passage, _knowledge.FindArticle(passage.ArticleId)?.Title ?? "")).ToList();
            var rendered = await _prompt.RenderAsync(Variables(redacted, candidate, channel, locale), cancellationToken);
            if (TokenBudget.Estimate(string.Concat(rendered.Select(m => m.Text))) > _options.MaxPromptTokens) break;
            chosen = candidate;
            messages = rendered;
        }

        return (chosen, messages);
    }

    private static bool Quotes(string evidence, string sentence) =>
        sentence == evidence || (evidence.EndsWith(ClauseTrimmer.Ellipsis, StringComparison.Ordinal) && sentence.StartsWith(evidence[..^ClauseTrimmer.Ellipsis.Length], StringComparison.Ordinal));

    private Dictionary<string, object> Variables(string question, IReadOnlyList<PromptPassage> passages, Channel channel, string locale) => new()
    {
        ["question"] = question,
        ["language"] = CultureInfo.GetCultureInfo(locale).EnglishName,
        ["max_sentences"] = channel == Channel.Sms ? MaxSmsSentences : _answering.MaxWebSentences,
        ["passages"] = string.Join("\n", passages.Select(p => p.ToPromptLine())),
    };

    private async Task<string> AskAsync(IReadOnlyList<ChatMessage> messages, CancellationToken cancellationToken)
    {
        var options = new ChatOptions
        {
            MaxOutputTokens = Math.Min(_prompt.MaxTokens ?? _options.MaxOutputTokens, _options.MaxOutputTokens),
            Temperature = _prompt.Temperature is { } temperature ? (float)temperature : null,
        };
        if (!_options.Stream) return (await _chat.GetResponseAsync(messages, options, cancellationToken)).Text;

        var text = new StringBuilder();
        await foreach (var update in _chat.GetStreamingResponseAsync(messages, options, cancellationToken))
        {
            text.Append(update.Text);
        }

        return text.ToString();
    }

    private static SelectedSentence Selected(DraftSentence draft, PromptPassage[] cited)
    {
        var first = cited[0].Passage;
        var selected = new SelectedSentence(first.Sentences[0], first.ArticleId, 0, 0, false) { Text = draft.Text };
        foreach (var id in cited.Skip(1).Select(p => p.Passage.ArticleId).Where(id => !selected.ArticleIds.Contains(id)))
        {
            selected.ArticleIds.Add(id);
        }

        return selected;
    }

    private List<SelectedSentence> FitWeb(List<SelectedSentence> selected)
    {
        var fitted = new List<SelectedSentence>();
        var length = 0;
        foreach (var sentence in selected.Take(_answering.MaxWebSentences))
        {
            length += sentence.Text.Length + 1;
            if (fitted.Count > 0 && length > _answering.MaxWebCharacters) break;
            fitted.Add(sentence);
        }

        return fitted;
    }

    // Like the extractive SMS answer: cut the last sentence at a clause ("…") when that makes the reply fit, else drop
    // it; a lone sentence first loses its extra sources.
    private List<SelectedSentence> FitSms(List<SelectedSentence> selected, string locale)
    {
        selected = selected.Take(MaxSmsSentences).ToList();
        while (selected.Count > 0)
        {
            var sources = selected.SelectMany(s => s.ArticleIds).Distinct(StringComparer.Ordinal).ToList();
            var overhead = _formatter.SmsOverhead(sources, locale);
            if (overhead + selected.Sum(s => s.Text.Length + 1) <= _answering.MaxSmsCharacters) return selected;

            var last = selected[^1];
            var room = _answering.MaxSmsCharacters - overhead - selected.SkipLast(1).Sum(s => s.Text.Length + 1) - 1;
            if (ClauseTrimmer.Trim(last.Text, room) is { } trimmed && trimmed.Length <= room)
            {
                last.Text = trimmed;
                return selected;
            }

            if (selected.Count > 1) selected.RemoveAt(selected.Count - 1);
            else if (last.ArticleIds.Count > 1) last.ArticleIds.RemoveRange(1, last.ArticleIds.Count - 1);
            else return [];
        }

        return selected;
    }

    private ComposedAnswer FallBack(ComposedAnswer extractive, string reason)
    {
        GenerativeLog.FellBack(_logger, reason);
        return extractive;
    }
}
