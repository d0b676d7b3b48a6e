namespace ClinicBot.Answering.Generative;

/// <summary>Why a generative answer gave way to the extractive one, as logged.</summary>
internal static class FallbackReasons
{
    /// <summary>The call failed: timeout, 429 or 5xx after retries, open circuit, malformed reply, any exception.</summary>
    public const string ModelError = "model_error";

    /// <summary>The model said the passages do not answer the question, or wrote nothing.</summary>
    public const string NoAnswer = "no_answer";

    /// <summary>A sentence gave a dose or personal advice: the model ignored its instructions, so none of it is used.</summary>
    public const string OutputGuard = "output_guard";

    /// <summary>Fewer sentences survived verification than <see cref="GenerativeOptions.MinimumKeptShare"/> allows.</summary>
    public const string TooLittleVerified = "too_little_verified";

    /// <summary>Not even the best passage fits the prompt's token budget.</summary>
    public const string OverBudget = "over_budget";

    /// <summary>The verified sentences do not fit the channel (an SMS that cannot be cut short enough).</summary>
    public const string DoesNotFit = "does_not_fit";
}
