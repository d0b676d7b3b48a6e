using ClinicBot.Conversations.Delivery;
using ClinicBot.Conversations.State;
using ClinicBot.Prompts;
using ClinicBot.Prompts.Templates;
using ClinicBot.Staff.Queue;

namespace ClinicBot.Staff.Console;

/// <summary>
/// Tells the patient when a team member joins and leaves, in their channel and the language they last wrote in, from
/// <c>prompts/responses/staff.yaml</c>.
/// </summary>
public sealed class StaffNotices(PatientMessenger messenger, ResponseTemplates templates, IConversationStore conversations)
{
    /// <summary>"A member of our team has joined."</summary>
    public Task JoinedAsync(EscalationRecord escalation, string staffName, CancellationToken cancellationToken) =>
        SendAsync(escalation, "staff_joined", new Dictionary<string, string> { ["staff_name"] = staffName }, cancellationToken);

    /// <summary>"Our team member has left; the assistant is back."</summary>
    public Task LeftAsync(EscalationRecord escalation, CancellationToken cancellationToken) =>
        SendAsync(escalation, "staff_left", null, cancellationToken);

    private async Task SendAsync(EscalationRecord escalation, string key, IReadOnlyDictionary<string, string>? values, CancellationToken cancellationToken)
    {
        ChannelNames.TryParse(escalation.Channel, out var channel);
        var locale = (await conversations.GetAsync(escalation.ConversationId, cancellationToken)).Locale ?? Locales.English;
        await messenger.SendAsync(escalation.ConversationId, channel, "bot", templates.Render(key, locale, channel, values), cancellationToken);
    }
}
