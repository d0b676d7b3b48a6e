using System.Text.Json;
using ClinicBot.Conversations.Escalations;
using ClinicBot.Prompts;
using ClinicBot.Prompts.Templates;
using ClinicBot.Staff.Console;
using ClinicBot.Staff.Notifications;
using ClinicBot.Staff.Sla;
using Microsoft.Extensions.Options;

namespace ClinicBot.Staff.Queue;

/// <summary>
/// Receives every escalation the turn pipeline raises: gives it an SLA due time and a display id, and stores it
/// together with its webhook notification in one transaction. The dispatcher only ever sends what is stored.
/// </summary>
public sealed class EscalationIntake(
    IEscalationStore store,
    SlaPolicy sla,
    ResponseTemplates templates,
    IOptions<NotificationOptions> notifications,
    NotificationSignal signal,
    QueueEvents events,
    IEnumerable<IPatientDisplayName> displayNames) : IEscalationSink
{
    /// <inheritdoc />
    public async Task<string> RaiseAsync(NewEscalation escalation, CancellationToken cancellationToken)
    {
        // One escalation per message: a turn run again after a crash (or a spooled one replayed again) finds it stored.
        var id = escalation.MessageKey is { } key ? EscalationIds.Of(key) : Guid.NewGuid().ToString("N");
        var channel = ChannelNames.Name(escalation.Channel);
        var record = new EscalationRecord(
            id,
            escalation.ConversationId,
            channel,
            await DisplayNameAsync(channel, escalation.ConversationId, cancellationToken),
            escalation.Priority,
            escalation.Reason,
            escalation.TriageReasons,
            EscalationStatus.Open,
            null,
            escalation.CreatedAt,
            sla.DueAt(escalation.Priority, escalation.CreatedAt),
            null);

        var notification = string.IsNullOrWhiteSpace(notifications.Value.WebhookUrl) ? null : Notification(record);
        if (!await store.InsertAsync(record, notification, cancellationToken)) return id;
        signal.Notify();
        events.Publish(new QueueEvent("raised", id, record.ConversationId));
        return id;
    }

    private async Task<string> DisplayNameAsync(string channel, string conversationId, CancellationToken cancellationToken)
    {
        foreach (var names in displayNames)
        {
            if (await names.ForAsync(conversationId, cancellationToken) is { } name) return name;
        }

        return PatientDisplayId.For(channel, conversationId);
    }

    // Staff-facing text only: priority, reason, display id and a link. Never the patient's words or number.
    private OutboxMessage Notification(EscalationRecord record)
    {
        var text = templates.Render("staff_notification", Locales.English, Channel.Web, new Dictionary<string, string>
        {
            ["priority"] = record.Priority,
            ["reason"] = record.Reason,
            ["patient"] = record.PatientDisplayId,
            ["link"] = $"{notifications.Value.PublicBaseUrl.TrimEnd('/')}/staff#/escalations/{record.Id}",
        });
        var body = JsonSerializer.Serialize(new { text });
        return new OutboxMessage(Guid.NewGuid().ToString("N"), record.Id, body, record.CreatedAt, 0, record.CreatedAt);
    }
}
