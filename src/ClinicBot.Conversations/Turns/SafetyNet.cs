using ClinicBot.Conversations.Escalations;
using ClinicBot.Prompts;
using ClinicBot.Prompts.Templates;
using ClinicBot.Safety.Triage;
using Microsoft.Extensions.Logging;

namespace ClinicBot.Conversations.Turns;

/// <summary>
/// The reply when a turn failed (the database, anything else): the message is read by triage alone, which needs no
/// storage. A crisis still gets the crisis reply at once, and its urgent escalation goes to the spool
/// (<see cref="IEscalationSpool"/>), replayed into the staff queue when the database is back; so does a request for a
/// person or a clinician. A request to be forgotten is answered with "try again shortly" (nothing can be erased or
/// remembered without the database). Anything else gets the fallback text, which carries the emergency numbers too.
/// </summary>
public sealed partial class SafetyNet(
    TriageClassifier triage, ResponseTemplates templates, IEscalationSpool spool, TimeProvider time, ILogger<SafetyNet> logger)
{
    /// <summary>The reply to a message whose turn failed; the escalation it needs is spooled first.</summary>
    public async Task<Reply> ReplyAsync(TurnRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // As the turn would have read it: the message's own language when it says enough (no database to ask for the last).
        var locale = LocaleGuess.Guess(request.Text) ?? Locales.Normalize(request.Locale);
        var triaged = Read(request.Text, locale);
        // "Forget me" needs the database (to remember the request, then to erase): the patient is asked to try again.
        if (triaged?.Route == TriageRoute.Privacy)
        {
            return new Reply(Routes.Privacy, templates.Render("privacy_unavailable", locale, request.Channel), [], null) { Reasons = [.. triaged.Reasons, "turn.failed"] };
        }

        var (route, priority, reason) = triaged?.Route switch
        {
            TriageRoute.Crisis => (Routes.Crisis, EscalationPriority.Urgent, EscalationReason.Crisis),
            TriageRoute.Clinical => (Routes.Clinical, EscalationPriority.Normal, EscalationReason.Clinical),
            TriageRoute.Human => (Routes.Human, EscalationPriority.Normal, EscalationReason.Requested),
            _ => (null, null, null),
        };

        if (route is null || triaged is null)
        {
            return new Reply(Routes.Fallback, templates.Render("host_fallback", locale, request.Channel), [], null) { Reasons = ["turn.failed"] };
        }

        var text = templates.Render(triaged.ResponseKey, locale, request.Channel, new Dictionary<string, string> { ["staff_back"] = "" });
        var escalation = new NewEscalation(request.ConversationId, request.Channel, priority!, reason!, [.. triaged.Reasons, "turn.failed"], time.GetUtcNow())
        {
            MessageKey = request.MessageKey,
        };
        try
        {
            await spool.AppendAsync(new SpooledTurn(Guid.NewGuid().ToString("N"), escalation, request.Text, route, text), cancellationToken);
        }
#pragma warning disable CA1031 // The reply must go out even if the spool cannot be written: the patient comes first.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            SpoolFailed(logger, request.ConversationId, priority!, ex);
        }

        return new Reply(route, text, [], new EscalationSummary(priority!, reason!)) { Reasons = escalation.TriageReasons };
    }

    private TriageResult? Read(string text, string locale)
    {
        try
        {
            return triage.Classify(text, locale);
        }
#pragma warning disable CA1031 // Triage itself failing still leaves the fallback text, with the emergency numbers.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            TriageFailed(logger, ex);
            return null;
        }
    }

    [LoggerMessage(1, LogLevel.Critical, "Escalation for conversation {ConversationId} ({Priority}) could neither be stored nor spooled")]
    private static partial void SpoolFailed(ILogger logger, string conversationId, string priority, Exception exception);

    [LoggerMessage(2, LogLevel.Error, "Triage failed in the safety net; the fallback text was sent")]
    private static partial void TriageFailed(ILogger logger, Exception exception);
}
