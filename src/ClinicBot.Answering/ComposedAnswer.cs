namespace ClinicBot.Answering;

/// <summary>What the answerer produced for an education question.</summary>
/// <param name="Answered">True when the articles answer it; false when the bot abstains.</param>
/// <param name="Text">The reply text for the channel (Markdown on web, plain text on SMS).</param>
/// <param name="Sources">Ids of the cited articles, in citation order.</param>
/// <param name="Evidence">The article sentences the answer is made of, each with the articles that state it.</param>
/// <param name="Coverage">Share of the question's weighted concepts the evidence mentions (0 to 1).</param>
/// <param name="Composer">Which composer produced the text, e.g. "extractive".</param>
/// <param name="AbstainReason">Why the bot abstained (no_match, low_coverage, missing_evidence:price...), or null.</param>
public sealed record ComposedAnswer(
    bool Answered,
    string Text,
    IReadOnlyList<string> Sources,
    IReadOnlyList<CitedSentence> Evidence,
    double Coverage,
    string Composer,
    string? AbstainReason = null);
