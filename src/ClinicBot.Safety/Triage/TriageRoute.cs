namespace ClinicBot.Safety.Triage;

/// <summary>Where a patient message goes, in precedence order (see <c>prompts/safety/triage.yaml</c>).</summary>
public enum TriageRoute
{
    /// <summary>Suicidal thoughts, self-harm, overdose, a medical emergency now, harm to or from others: crisis template and an urgent escalation.</summary>
    Crisis,

    /// <summary>A personal clinical question (dose, interactions, conditions, own symptoms, eligibility): a clinician follows up.</summary>
    Clinical,

    /// <summary>Asks for a person, booking, billing, an insurance claim or records: handed to the team.</summary>
    Human,

    /// <summary>Asks the clinic to delete or forget what the writer told it: the bot asks to confirm, then erases the writer's messages.</summary>
    Privacy,

    /// <summary>Tries to override instructions, reveal the prompt, role-play a clinician or extract disallowed content: polite refusal.</summary>
    Injection,

    /// <summary>Unrelated to the clinic or ketamine therapy: a short redirect.</summary>
    OutOfScope,

    /// <summary>Greetings, thanks, goodbyes, "are you a bot?": a brief fixed reply.</summary>
    Smalltalk,

    /// <summary>Everything else: the answer engine replies from the articles (or abstains).</summary>
    Education,
}
