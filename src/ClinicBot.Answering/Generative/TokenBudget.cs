namespace ClinicBot.Answering.Generative;

/// <summary>
/// Estimates tokens without the model's tokenizer: about four characters a token for English prose (OpenAI's own rule
/// of thumb), rounded up. Used to keep each prompt within <see cref="GenerativeOptions.MaxPromptTokens"/>.
/// </summary>
internal static class TokenBudget
{
    private const int CharactersPerToken = 4;

    public static int Estimate(string text) => (text.Length + CharactersPerToken - 1) / CharactersPerToken;
}
