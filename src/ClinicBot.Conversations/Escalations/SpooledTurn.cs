namespace ClinicBot.Conversations.Escalations;

/// <summary>A turn that raised an escalation while the database was failing: enough to replay it into the transcript and the queue.</summary>
/// <param name="Id">Unique id of the spooled turn.</param>
/// <param name="Escalation">The escalation to raise.</param>
/// <param name="PatientText">What the patient wrote.</param>
/// <param name="ReplyRoute">The route of what the bot answered.</param>
/// <param name="ReplyText">What the bot answered.</param>
public sealed record SpooledTurn(string Id, NewEscalation Escalation, string PatientText, string ReplyRoute, string ReplyText);
