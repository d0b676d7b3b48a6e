using ClinicBot.Knowledge.Text;
using YamlDotNet.Serialization;

namespace ClinicBot.Conversations.Privacy;

/// <summary>
/// Recognises a patient confirming they want their conversation erased, after the bot asked ("yes", "sí", "dale",
/// "ok, delete"), from <c>prompts/answering/confirm-erase.yaml</c>. Only the whole message counts.
/// </summary>
public sealed class ErasureConfirmation
{
    private readonly HashSet<string> _phrases;

    private ErasureConfirmation(HashSet<string> phrases) => _phrases = phrases;

    /// <summary>Loads the phrases, folded.</summary>
    public static ErasureConfirmation Load(string path)
    {
        var phrases = new DeserializerBuilder().Build().Deserialize<List<string>>(File.ReadAllText(path)) ?? [];
        return new ErasureConfirmation(phrases.Select(Fold).Where(p => p.Length > 0).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Whether the whole message confirms the erasure.</summary>
    public bool IsConfirmation(string message) => _phrases.Contains(Fold(message));

    private static string Fold(string text) => string.Join(' ', Tokenizer.Tokenize(TextNormalizer.Fold(text)));
}
