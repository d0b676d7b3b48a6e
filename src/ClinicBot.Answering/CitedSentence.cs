namespace ClinicBot.Answering;

/// <summary>An article sentence (or a trimmed clause of one) and every article that makes the same claim.</summary>
/// <param name="Text">The text exactly as the first article has it.</param>
/// <param name="ArticleIds">The article it is quoted from first, then others that say the same.</param>
public sealed record CitedSentence(string Text, IReadOnlyList<string> ArticleIds);
