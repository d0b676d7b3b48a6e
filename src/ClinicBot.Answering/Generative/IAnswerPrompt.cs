using Microsoft.Extensions.AI;

namespace ClinicBot.Answering.Generative;

/// <summary>
/// The prompt a generative answer is drafted from: renders the instructions, the numbered passages and the redacted
/// question into chat messages, and carries the prompt file's execution settings. Implemented in <c>ClinicBot.Llm</c>
/// over Semantic Kernel's prompt templates (<c>prompts/llm/answer.yaml</c>); text in a variable can never open or
/// close a message of its own.
/// </summary>
public interface IAnswerPrompt
{
    /// <summary>The prompt's name, from its file.</summary>
    string Name { get; }

    /// <summary>The file's default <c>temperature</c>, if it sets one.</summary>
    double? Temperature { get; }

    /// <summary>The file's default <c>max_tokens</c>, if it sets one.</summary>
    int? MaxTokens { get; }

    /// <summary>
    /// The chat messages for these variables (<c>question</c>, <c>passages</c>, <c>language</c>, <c>max_sentences</c>);
    /// throws <see cref="ArgumentException"/> when a required one is missing.
    /// </summary>
    Task<IReadOnlyList<ChatMessage>> RenderAsync(IReadOnlyDictionary<string, object> variables, CancellationToken cancellationToken);
}
