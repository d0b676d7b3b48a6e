namespace ClinicBot.Conversations.Privacy;

/// <summary>The audit log's names for an erasure: who asked (when not a staff member) and what happened.</summary>
public static class ErasureActors
{
    /// <summary>The patient asked, in the conversation.</summary>
    public const string Patient = "patient";

    /// <summary>The audit entry's action (followed by the channel and the counts, never text or a number).</summary>
    public const string Action = "patient_erased";
}
