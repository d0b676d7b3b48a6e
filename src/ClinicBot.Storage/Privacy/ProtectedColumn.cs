namespace ClinicBot.Storage.Privacy;

/// <summary>
/// A column holding patient text encrypted at rest, with the key columns that find its row (for
/// <see cref="PatientTextRotation"/>). The table and column are bound into each value, so one can't be moved to another.
/// </summary>
public sealed record ProtectedColumn(string Table, string Column, params string[] Key)
{
    /// <summary>Patient and bot message text.</summary>
    public static readonly ProtectedColumn TranscriptText = new("transcript_entries", "text", "conversation_id", "seq");

    /// <summary>Web Chat activities (their text and <c>from.name</c>).</summary>
    public static readonly ProtectedColumn DirectLineActivity = new("directline_activities", "json", "seq");

    /// <summary>Bot Framework conversation references (<c>from.name</c>).</summary>
    public static readonly ProtectedColumn ConversationReference = new("bot_conversation_references", "reference", "conversation_key");

    /// <summary>How staff see the patient (a name when the channel gave one).</summary>
    public static readonly ProtectedColumn EscalationPatient = new("escalations", "patient_display_id", "id");

    /// <summary>Staff notifications (they name the patient as staff see them).</summary>
    public static readonly ProtectedColumn NotificationBody = new("notification_outbox", "body", "id");

    /// <summary>Replies waiting to reach a patient.</summary>
    public static readonly ProtectedColumn PatientOutboxText = new("patient_outbox", "text", "id");

    /// <summary>
    /// A line of the escalation spool (a file, not a table: the turn the database refused, the patient's words included).
    /// Not in <see cref="All"/>: the spool empties itself into the database, so rotation leaves it to the previous keys.
    /// </summary>
    public static readonly ProtectedColumn SpoolLine = new("escalation-spool.jsonl", "line");

    /// <summary>Every protected column, in the order rotation visits them.</summary>
    public static readonly IReadOnlyList<ProtectedColumn> All =
        [TranscriptText, DirectLineActivity, ConversationReference, EscalationPatient, NotificationBody, PatientOutboxText];

    /// <summary>The associated data of its values.</summary>
    internal byte[] AssociatedData => System.Text.Encoding.UTF8.GetBytes($"clinicbot:{Table}.{Column}");
}
