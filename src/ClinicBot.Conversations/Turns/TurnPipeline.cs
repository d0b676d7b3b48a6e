using ClinicBot.Answering;
using ClinicBot.Conversations.Escalations;
using ClinicBot.Conversations.Offers;
using ClinicBot.Conversations.Privacy;
using ClinicBot.Conversations.State;
using ClinicBot.Prompts;
using ClinicBot.Prompts.Templates;
using ClinicBot.Safety.OutputGuard;
using ClinicBot.Safety.Triage;

namespace ClinicBot.Conversations.Turns;

/// <summary>
/// The one path every patient message takes, whatever the channel: triage it, record it, then reply.
/// Triage runs before anything else, so no channel can skip a safety check; only education reaches the articles.
/// Escalations are persisted before the reply is returned. Once a conversation shows crisis content, every later
/// reply keeps the crisis resources and the bot does not go back to ordinary answers. A patient who asked to be forgotten
/// (route privacy) and confirms is erased (<see cref="ForgetMe"/>): that turn stores nothing.
/// </summary>
public sealed class TurnPipeline(
    TriageClassifier triage,
    IAnswerComposer composer,
    OutputGuard outputGuard,
    ResponseTemplates templates,
    IConversationStore conversations,
    IEscalationSink escalations,
    OfferAcceptance offerAcceptance,
    ForgetMe forgetMe,
    TimeProvider time,
    IStaffAvailability? availability = null)
{
    // Triage reads at most this many earlier messages (the model's own setting may read fewer).
    private const int ContextMessages = 5;

    // The general part of a clinical reply on the web: at most this many article sentences.
    private const int GeneralSentences = 2;

    private readonly OutputGuardFilter _guard = new(outputGuard);

    /// <summary>Handles one message and returns the reply for its channel.</summary>
    public async Task<Reply> HandleAsync(TurnRequest request, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var state = await conversations.GetAsync(request.ConversationId, cancellationToken);
        // The patient's own words decide the language when they say enough (Spanish typed in a browser set to English);
        // otherwise the language they last wrote in, then the channel's hint.
        var locale = LocaleGuess.Guess(request.Text) ?? state.Locale ?? Locales.Normalize(request.Locale);
        var transcript = await conversations.TranscriptAsync(request.ConversationId, cancellationToken);
        // Once in crisis the conversation stays there; only a message's own words raise a new alert after that.
        IReadOnlyList<string> previous = state.InCrisis ? [] : PreviousPatientMessages(transcript);

        // The message is read with the patient's last few messages: an oblique line after a dark one is a crisis.
        var triaged = triage.Classify(request.Text, locale, previous);
        // "Yes" to "shall I erase this conversation?": erased, and neither the "yes" nor the reply is stored.
        if (forgetMe.Confirms(state, request.Text, triaged)) return await forgetMe.EraseAsync(request, locale, now, cancellationToken);

        await conversations.AppendAsync(request.ConversationId, request.Channel, new TranscriptEntry("patient", request.Text, null, [], now), cancellationToken);
        if (state.Locale != locale) await conversations.SetLocaleAsync(request.ConversationId, locale, cancellationToken);
        var reply = triaged.Route switch
        {
            TriageRoute.Crisis => await CrisisAsync(request, locale, triaged, now, cancellationToken),
            _ when state.HeldBy is not null => HeldByStaff(),
            _ when state.InCrisis => Template(Routes.Crisis, "crisis_followup", request, locale, triaged, null),
            // "yes" to the offer after an abstention hands the question on, whatever a model reads into a bare "yes".
            not TriageRoute.Injection when state.LastBotRoute == Routes.Abstain && offerAcceptance.IsAcceptance(request.Text) =>
                await EscalateAsync(Routes.Human, request, locale, triaged with { ResponseKey = "human" }, EscalationPriority.Normal, EscalationReason.LowConfidence, now, cancellationToken),
            TriageRoute.Clinical => await EscalateAsync(Routes.Clinical, request, locale, triaged, EscalationPriority.Normal, EscalationReason.Clinical, now, cancellationToken),
            TriageRoute.Human => await EscalateAsync(Routes.Human, request, locale, triaged, EscalationPriority.Normal, EscalationReason.Requested, now, cancellationToken),
            // "Forget me": the bot asks to confirm; the next message says yes (erased) or anything else (handled as usual).
            TriageRoute.Privacy => Template(Routes.Privacy, triaged.ResponseKey, request, locale, triaged, null),
            TriageRoute.Injection => Template(Routes.Refusal, triaged.ResponseKey, request, locale, triaged, null),
            TriageRoute.OutOfScope => Template(Routes.OutOfScope, triaged.ResponseKey, request, locale, triaged, null),
            TriageRoute.Smalltalk => Template(Routes.Smalltalk, triaged.ResponseKey, request, locale, triaged, null),
            _ => await AnswerAsync(request, locale, triaged, PreviousQuestion(transcript), cancellationToken),
        };

        await conversations.AppendAsync(request.ConversationId, request.Channel, new TranscriptEntry("bot", reply.Text, reply.Route, reply.Sources, time.GetUtcNow()), cancellationToken);
        return reply;
    }

    private static List<string> PreviousPatientMessages(IReadOnlyList<TranscriptEntry> transcript) =>
        transcript.Where(e => e.Author == "patient").TakeLast(ContextMessages).Select(e => e.Text).ToList();

    // The last question the bot answered or abstained on, if the bot's last reply was that answer: a follow-up leans on it.
    private static PreviousQuestion? PreviousQuestion(IReadOnlyList<TranscriptEntry> transcript)
    {
        if (transcript.Count < 2) return null;
        var (asked, answered) = (transcript[^2], transcript[^1]);
        return asked.Author == "patient" && answered.Author == "bot" && answered.Route is Routes.Answer or Routes.Abstain
            ? new PreviousQuestion(asked.Text)
            : null;
    }

    // A staff member is talking with the patient: the bot stays quiet (crisis triage above still runs and re-alerts).
    private static Reply HeldByStaff() => new(Routes.Human, "", [], null) { Reasons = ["held_by_staff"] };

    private async Task<Reply> CrisisAsync(TurnRequest request, string locale, TriageResult triaged, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await conversations.MarkCrisisAsync(request.ConversationId, now, cancellationToken);
        return await EscalateAsync(Routes.Crisis, request, locale, triaged, EscalationPriority.Urgent, EscalationReason.Crisis, now, cancellationToken);
    }

    private async Task<Reply> EscalateAsync(
        string route, TurnRequest request, string locale, TriageResult triaged, string priority, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await escalations.RaiseAsync(new NewEscalation(request.ConversationId, request.Channel, priority, reason, triaged.Reasons, now) { MessageKey = request.MessageKey }, cancellationToken);

        // Outside office hours a non-urgent reply says when staff will be back; crisis replies never wait on the hour.
        var staffBack = priority == EscalationPriority.Urgent ? null : availability?.NextOpening(now, locale);
        var values = new Dictionary<string, string> { ["staff_back"] = staffBack ?? "" };
        var reply = Template(route, triaged.ResponseKey, request, locale, triaged, new EscalationSummary(priority, reason), values);
        return route == Routes.Clinical ? await WithGeneralPartAsync(reply, request, locale, triaged, cancellationToken) : reply;
    }

    // After the deferral, a clinical reply keeps the general part of the question: at most two article sentences the
    // answerer is confident of (cited; the output guard keeps doses out). The personal part stays with the clinician.
    private async Task<Reply> WithGeneralPartAsync(Reply deferral, TurnRequest request, string locale, TriageResult triaged, CancellationToken cancellationToken)
    {
        var question = new AnswerRequest(request.Text, locale, request.Channel)
        {
            Embedding = triaged.Embedding,
            MaxSentences = request.Channel == Channel.Sms ? 1 : GeneralSentences,
            ExtractiveOnly = true,
        };
        var general = await composer.ComposeAsync(question, _guard, cancellationToken);
        if (!general.Answered) return deferral;

        var separator = request.Channel == Channel.Sms ? " " : "\n\n";
        var text = deferral.Text + separator + templates.Render("clinical_general", locale, request.Channel) + separator + general.Text;
        return deferral with { Text = text, Sources = general.Sources };
    }

    private Reply Template(
        string route, string key, TurnRequest request, string locale, TriageResult triaged, EscalationSummary? escalation, IReadOnlyDictionary<string, string>? values = null) =>
        new(route, templates.Render(key, locale, request.Channel, values), [], escalation) { Reasons = triaged.Reasons };

    private async Task<Reply> AnswerAsync(
        TurnRequest request, string locale, TriageResult triaged, PreviousQuestion? previous, CancellationToken cancellationToken)
    {
        // The answerer reuses the vector triage computed for this message rather than running the model again.
        var question = new AnswerRequest(request.Text, locale, request.Channel) { Embedding = triaged.Embedding, Previous = previous };
        var answer = await composer.ComposeAsync(question, _guard, cancellationToken);
        return new Reply(answer.Answered ? Routes.Answer : Routes.Abstain, answer.Text, answer.Sources, null)
        {
            Composer = answer.Composer,
            Confidence = Math.Round(answer.Coverage, 3),
            Reasons = answer.AbstainReason is null ? [] : [answer.AbstainReason],
        };
    }
}
