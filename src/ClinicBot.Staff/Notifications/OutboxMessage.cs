namespace ClinicBot.Staff.Notifications;

/// <summary>A notification waiting to be delivered (or delivered), persisted with the escalation that caused it.</summary>
/// <param name="Id">Its id.</param>
/// <param name="EscalationId">The escalation it announces.</param>
/// <param name="Body">The JSON body to post (Teams and Slack incoming webhooks accept <c>{"text": ...}</c>).</param>
/// <param name="CreatedAt">When it was queued.</param>
/// <param name="Attempts">Delivery attempts so far.</param>
/// <param name="NextAttemptAt">When to try next.</param>
public sealed record OutboxMessage(string Id, string EscalationId, string Body, DateTimeOffset CreatedAt, int Attempts, DateTimeOffset NextAttemptAt);
