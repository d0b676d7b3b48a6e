namespace ClinicBot.Answering.Generative;

/// <summary>One sentence the model wrote, without its citation markers.</summary>
/// <param name="Text">The sentence as shown to the patient if it is verified.</param>
/// <param name="Markers">The passage numbers it cites ([1] is the first passage sent), in order, distinct.</param>
internal sealed record DraftSentence(string Text, IReadOnlyList<int> Markers);
