namespace ClinicBot.Conversations.Escalations;

/// <summary>The <c>reason</c> codes of an escalation.</summary>
public static class EscalationReason
{
    /// <summary>Crisis content: suicidal thoughts, self-harm, overdose, an emergency, harm to others.</summary>
    public const string Crisis = "crisis";

    /// <summary>A personal clinical question only a clinician may answer.</summary>
    public const string Clinical = "clinical";

    /// <summary>The patient asked for a person (booking, billing, records...).</summary>
    public const string Requested = "requested";

    /// <summary>The articles did not answer and the patient accepted the offer of staff.</summary>
    public const string LowConfidence = "low_confidence";
}
