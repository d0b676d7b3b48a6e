namespace ClinicBot.Safety.Responses;

/// <summary>
/// The template keys of <c>prompts/responses/safety.yaml</c>. Triage returns most of them through
/// <see cref="Triage.TriageResult.ResponseKey"/>; <see cref="CrisisFollowup"/> is chosen by the conversation,
/// which knows that an earlier message was a crisis.
/// </summary>
public static class SafetyResponseKeys
{
    /// <summary>First reply to a crisis: 988, 911/ER, Crisis Text Line, and that the team was alerted.</summary>
    public const string Crisis = "crisis";

    /// <summary>Every later reply in a conversation already in crisis: stays supportive and repeats the resources.</summary>
    public const string CrisisFollowup = "crisis_followup";

    /// <summary>A personal clinical question: not answered here, a clinician follows up.</summary>
    public const string Clinical = "clinical";

    /// <summary>Handoff to a team member.</summary>
    public const string Human = "human";

    /// <summary>Polite refusal of an injection attempt, with a redirect.</summary>
    public const string Refusal = "refusal";

    /// <summary>Redirect for an unrelated topic.</summary>
    public const string OutOfScope = "out_of_scope";

    /// <summary>Reply to a greeting.</summary>
    public const string Greeting = "smalltalk.greeting";

    /// <summary>Reply to thanks.</summary>
    public const string Thanks = "smalltalk.thanks";

    /// <summary>Honest reply to "are you a bot?".</summary>
    public const string Identity = "smalltalk.identity";

    /// <summary>Reply to "what's your name?".</summary>
    public const string Name = "smalltalk.name";

    /// <summary>Reply to a goodbye.</summary>
    public const string Goodbye = "smalltalk.goodbye";

    /// <summary>Every key above; each must exist in English and Spanish.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Crisis, CrisisFollowup, Clinical, Human, Refusal, OutOfScope, Greeting, Thanks, Identity, Name, Goodbye];
}
