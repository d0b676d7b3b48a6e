namespace ClinicBot.Conversations.Turns;

/// <summary>The <c>route</c> values of the public reply contract.</summary>
public static class Routes
{
    /// <summary>Answered from the articles, with sources.</summary>
    public const string Answer = "answer";

    /// <summary>The articles do not answer it; the bot said so and offered staff.</summary>
    public const string Abstain = "abstain";

    /// <summary>Crisis resources given and an urgent escalation raised.</summary>
    public const string Crisis = "crisis";

    /// <summary>A personal clinical question deferred to a clinician.</summary>
    public const string Clinical = "clinical";

    /// <summary>Handed to staff at the patient's request.</summary>
    public const string Human = "human";

    /// <summary>Unrelated to the therapy or the clinic.</summary>
    public const string OutOfScope = "out_of_scope";

    /// <summary>A prompt-injection or disallowed request, politely declined.</summary>
    public const string Refusal = "refusal";

    /// <summary>Greetings, thanks and the like.</summary>
    public const string Smalltalk = "smalltalk";

    /// <summary>"Forget me": the bot asks the patient to confirm, then (on yes) erases their messages and says what it kept.</summary>
    public const string Privacy = "privacy";

    /// <summary>Something failed (or the message had no text): a safe text with the emergency numbers.</summary>
    public const string Fallback = "fallback";
}
