using ClinicBot.Knowledge.Text;
using YamlDotNet.Serialization;

namespace ClinicBot.Conversations.Offers;

/// <summary>
/// Recognises a patient accepting the bot's offer to pass an unanswered question to staff ("yes please", "sí"),
/// from <c>prompts/answering/accept-offer.yaml</c>.
/// </summary>
public sealed class OfferAcceptance
{
    private readonly HashSet<string> _phrases;

    private OfferAcceptance(HashSet<string> phrases) => _phrases = phrases;

    /// <summary>Loads the phrases, folded.</summary>
    public static OfferAcceptance Load(string path)
    {
        var phrases = new DeserializerBuilder().Build().Deserialize<List<string>>(File.ReadAllText(path)) ?? [];
        return new OfferAcceptance(phrases.Select(Fold).Where(p => p.Length > 0).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Whether the whole message is an acceptance.</summary>
    public bool IsAcceptance(string message) => _phrases.Contains(Fold(message));

    private static string Fold(string text) => string.Join(' ', Tokenizer.Tokenize(TextNormalizer.Fold(text)));
}
