namespace ClinicBot.Prompts;

/// <summary>The patient-facing channel a reply is written for; it decides length and formatting.</summary>
public enum Channel
{
    /// <summary>Web chat: Markdown, numbered citations and a sources list.</summary>
    Web,

    /// <summary>SMS: plain text, short, within two segments.</summary>
    Sms,
}
