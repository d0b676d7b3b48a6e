using System.Text.RegularExpressions;

namespace ClinicBot.Channels.Sms;

/// <summary>
/// Twilio sends no language, so a message's own words decide: Spanish-only letters and punctuation, or more common
/// Spanish than English words. Null when a message says too little ("ok", "911"); the patient's last language then holds.
/// </summary>
internal static partial class SmsLocaleGuess
{
    private static readonly HashSet<string> SpanishWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "que", "qué", "el", "la", "los", "las", "de", "del", "mi", "mis", "por", "para", "con", "como", "cómo", "cuanto", "cuánto",
        "cuando", "cuándo", "donde", "dónde", "estoy", "tengo", "quiero", "puedo", "hola", "gracias", "sesion", "sesión", "cita",
        "es", "una", "uno", "y", "pero", "porque", "usted", "necesito", "hablar", "alguien", "ya", "mas", "más", "muy", "hace",
        "dura", "seguro", "ketamina", "tomar", "despues", "después", "antes", "cuesta", "efectos", "puede", "hay", "sí",
    };

    private static readonly HashSet<string> EnglishWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "is", "a", "an", "i", "my", "do", "does", "what", "how", "can", "to", "and", "you", "of", "for", "in", "it", "are",
        "with", "after", "before", "need", "want", "should", "will", "me", "long", "much", "safe", "session", "hi", "hello", "thanks",
    };

    public static string? Guess(string text)
    {
        if (text.Any(c => c is '¿' or '¡' or 'ñ' or 'Ñ' or 'á' or 'í' or 'ó' or 'ú')) return "es";
        var words = Word().Matches(text).Select(m => m.Value).ToList();
        var spanish = words.Count(SpanishWords.Contains);
        var english = words.Count(EnglishWords.Contains);
        if (spanish > english) return "es";
        return english > spanish ? "en" : null;
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();
}
