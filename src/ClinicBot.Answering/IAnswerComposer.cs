namespace ClinicBot.Answering;

/// <summary>
/// Writes the answer to an education question from the articles. The extractive composer is the offline default;
/// a generative composer may be configured, and falls back to the extractive one whenever it cannot be trusted.
/// </summary>
public interface IAnswerComposer
{
    /// <summary>Answers from the articles, or abstains. Every sentence shown passes <paramref name="filter"/>.</summary>
    Task<ComposedAnswer> ComposeAsync(AnswerRequest request, ISentenceFilter filter, CancellationToken cancellationToken);
}
