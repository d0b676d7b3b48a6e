using ClinicBot.Conversations.State;
using ClinicBot.Conversations.Turns;
using ClinicBot.Prompts;
using ClinicBot.Prompts.Templates;
using ClinicBot.Safety.Triage;

namespace ClinicBot.Conversations.Privacy;

/// <summary>
/// The second step of "forget me": the bot asked (its last reply's route is <see cref="Routes.Privacy"/>) and the patient
/// confirms with a whole-message yes (<see cref="ErasureConfirmation"/>). Triage has read the message first: a crisis is
/// never an erase. The erase turn stores nothing of its own (neither the "yes" nor the reply), so nothing of the
/// patient's is written back after the erasure, and the request does not linger.
/// </summary>
public sealed class ForgetMe(ErasureConfirmation confirmation, IPatientEraser eraser, ResponseTemplates templates)
{
    /// <summary>Whether this message confirms a pending request: the bot asked, the patient said yes, triage saw no crisis.</summary>
    public bool Confirms(ConversationState state, string text, TriageResult triaged) =>
        state.LastBotRoute == Routes.Privacy
        && triaged.Route != TriageRoute.Crisis
        && !state.InCrisis
        && state.HeldBy is null
        && confirmation.IsConfirmation(text);

    /// <summary>Erases the patient of the conversation and says what went and what stayed.</summary>
    public async Task<Reply> EraseAsync(TurnRequest request, string locale, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var channel = ChannelNames.Name(request.Channel);
        var receipt = await eraser.EraseAsync(new ErasureRequest(request.ConversationId, channel, ErasureActors.Patient, now), cancellationToken);
        var values = new Dictionary<string, string>
        {
            ["escalation_kept"] = receipt.EscalationsKept > 0 ? "yes" : "",
            ["opted_out"] = receipt.OptOutKept ? "yes" : "",
        };
        return new Reply(Routes.Privacy, templates.Render("privacy_erased", locale, request.Channel, values), [], null) { Reasons = ["privacy.erased"] };
    }
}
