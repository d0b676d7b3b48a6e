using System.ComponentModel.DataAnnotations;

namespace ClinicBot.Answering.Generative;

/// <summary>
/// How generative answers are drafted and checked, bound from the <c>Llm:Answer</c> configuration section.
/// The connection itself (endpoint, deployment, key, timeouts) is configured in <c>Llm</c>.
/// </summary>
public sealed class GenerativeOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "Llm:Answer";

    /// <summary>The prompt file under the prompts folder. Default <c>llm/answer.yaml</c>.</summary>
    [Required]
    public string PromptFile { get; set; } = "llm/answer.yaml";

    /// <summary>The verification word lists under the prompts folder. Default <c>llm/verification.yaml</c>.</summary>
    [Required]
    public string VerificationFile { get; set; } = "llm/verification.yaml";

    /// <summary>Most retrieved passages sent to the model. Default 6.</summary>
    [Range(1, 20)]
    public int MaxPassages { get; set; } = 6;

    /// <summary>
    /// Token budget of the prompt (instructions, passages and question), estimated at four characters a token;
    /// passages that would exceed it are left out, lowest ranked first. Default 2500 tokens.
    /// </summary>
    [Range(200, 100_000)]
    public int MaxPromptTokens { get; set; } = 2500;

    /// <summary>
    /// Most tokens the model may write for one reply, sent as the request's output limit; the prompt file's
    /// <c>max_tokens</c> applies when it is lower. Default 350 tokens.
    /// </summary>
    [Range(16, 8000)]
    public int MaxOutputTokens { get; set; } = 350;

    /// <summary>
    /// Share of a generated sentence's content stems (stopwords and numbers aside) that must occur in the passages
    /// it cites. Default 0.7 (0 to 1).
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinimumSupport { get; set; } = 0.7;

    /// <summary>
    /// Share of the generated sentences that must pass verification; below it the quoted answer is used instead.
    /// Default 0.6 (0 to 1).
    /// </summary>
    [Range(0.0, 1.0)]
    public double MinimumKeptShare { get; set; } = 0.6;

    /// <summary>Fewest verified sentences a generated answer needs. Default 1.</summary>
    [Range(1, 10)]
    public int MinimumKeptSentences { get; set; } = 1;

    /// <summary>Ask the model to stream its reply (the answer is still verified whole before it is sent). Default false.</summary>
    public bool Stream { get; set; }
}
