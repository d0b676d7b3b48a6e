using ClinicBot.Prompts;

namespace ClinicBot.Answering;

/// <summary>An education question to answer from the articles, with what the turn already knows about it.</summary>
/// <param name="Text">The patient's message as typed.</param>
/// <param name="Locale">"en" or "es".</param>
/// <param name="Channel">Web or SMS: decides the reply's length and format.</param>
public sealed record AnswerRequest(string Text, string Locale, Channel Channel)
{
    /// <summary>
    /// The message's sentence vector as triage computed it (of its English gloss when Spanish), so the model runs once
    /// a turn; null to let the answerer compute it.
    /// </summary>
    public float[]? Embedding { get; init; }

    /// <summary>The conversation's previous education question, which a short follow-up ("does that wear off?") leans on.</summary>
    public PreviousQuestion? Previous { get; init; }

    /// <summary>
    /// At most this many article sentences (null: the channel's usual limit). A clinical reply asks for two: the general
    /// part that follows the deferral to a clinician.
    /// </summary>
    public int? MaxSentences { get; init; }

    /// <summary>
    /// Quote the articles offline only: no language model sees the message, even when one is configured. The general
    /// part of a clinical reply is made so, as clinical messages never reach a model.
    /// </summary>
    public bool ExtractiveOnly { get; init; }
}

/// <summary>The last education question of the conversation (the bot answered it or abstained).</summary>
/// <param name="Text">The question as the patient typed it.</param>
public sealed record PreviousQuestion(string Text);
