using System.Text.RegularExpressions;

namespace ClinicBot.Prompts;

/// <summary>
/// The language of a message from its own words: Spanish-only letters and punctuation, or more common Spanish than
/// English words. Twilio sends no language, and a browser's says nothing of what its user types (a Spanish message from
/// a browser set to English). Null when a message says too little ("ok", "911"); the patient's last language then holds.
/// </summary>
public static partial class LocaleGuess
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

    /// <summary>"es", "en", or null when the message says too little.</summary>
    public static string? Guess(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Any(c => c is '¿' or '¡' or 'ñ' or 'Ñ' or 'á' or 'í' or 'ó' or 'ú')) return Locales.Spanish;
        var words = Word().Matches(text).Select(m => m.Value).ToList();
        var spanish = words.Count(SpanishWords.Contains);
        var english = words.Count(EnglishWords.Contains);
        if (spanish > english) return Locales.Spanish;
        return english > spanish ? Locales.English : null;
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();
}
