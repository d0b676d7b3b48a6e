using System.Text.RegularExpressions;

namespace ClinicBot.Prompts;

/// <summary>
/// The language of a message from its own words: Spanish-only letters and punctuation, or more common Spanish than
/// English words. Twilio sends no language, and a browser's says nothing of what its user types (a Spanish message from
/// a browser set to English). Null when a message says too little ("ok", "911"); the patient's last language then holds.
/// </summary>
public static partial class LocaleGuess
{
    // Words common in one language and rare in the other, SMS spelling included ("q", "xq", "pa", "vdd"). Words both
    // languages use ("me", "a", "no", "ok", "he", "son") count for neither: "otra vez me corte" is Spanish.
    private static readonly HashSet<string> SpanishWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "que", "qué", "el", "la", "los", "las", "de", "del", "mi", "mis", "por", "para", "con", "como", "cómo", "cuanto", "cuánto",
        "cuando", "cuándo", "donde", "dónde", "estoy", "tengo", "quiero", "puedo", "hola", "gracias", "sesion", "sesión", "cita",
        "es", "una", "uno", "un", "y", "o", "pero", "porque", "usted", "ustedes", "necesito", "hablar", "alguien", "ya", "mas", "más",
        "muy", "hace", "dura", "seguro", "ketamina", "tomar", "despues", "después", "antes", "cuesta", "efectos", "puede", "hay", "sí",
        "si", "q", "xq", "pq", "pa", "vdd", "neta", "porfa", "xfa", "nomas", "nomás", "ojala", "ojalá",
        "otra", "otro", "otras", "otros", "vez", "veces", "pude", "pueden", "podria", "podría", "todo", "toda", "todos", "todas",
        "nada", "nadie", "algo", "ahora", "hoy", "ayer", "mañana", "manana", "bien", "mal", "mejor", "peor", "sobre", "esta", "está",
        "estas", "estás", "este", "esto", "eso", "esa", "ese", "estan", "están", "soy", "eres", "fue", "era", "ser", "estar", "tiene",
        "tienen", "tienes", "hacer", "hago", "hice", "voy", "vas", "va", "vamos", "nos", "les", "le", "lo", "se", "te", "tu", "tú",
        "su", "sus", "al", "él", "ella", "ellos", "pues", "bueno", "entonces", "también", "tambien", "aqui", "aquí", "ahi", "ahí",
        "alla", "allá", "siempre", "nunca", "todavia", "todavía", "aun", "aún", "perdon", "perdón", "adios", "adiós", "dia", "día",
        "dias", "días", "noche", "semana", "tiempo", "vida", "morir", "muerte", "ayuda", "favor", "hija", "hijo", "esposo", "esposa",
        "mamá", "papá", "hermano", "hermana", "quiere", "quieres", "queria", "quería", "sé", "saber", "creo", "siento", "duele",
        "dolor", "pastillas", "ni", "cual", "cuál", "quien", "quién", "digo", "dije", "solo", "sola", "mismo", "misma", "cosa",
        "cosas", "casa", "trabajo", "gente", "poco", "mucho", "mucha", "muchos", "tanto", "tan",
    };

    private static readonly HashSet<string> EnglishWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "is", "an", "i", "my", "do", "does", "what", "how", "can", "to", "and", "you", "of", "for", "in", "it", "are",
        "with", "after", "before", "need", "want", "should", "will", "long", "much", "safe", "session", "hi", "hello", "thanks",
        "this", "that", "have", "has", "had", "was", "were", "just", "not", "im", "dont", "get", "got", "if", "be", "at", "on",
        "so", "but", "or", "your", "u", "ur", "pls", "please", "feel", "know", "did", "am", "been", "would", "could", "there",
        "they", "we", "our", "about", "from", "when", "why", "where", "who", "which", "than", "then", "them", "up", "out", "all",
        "any", "some", "one", "today", "tonight", "tomorrow", "really", "still", "going", "gonna", "wanna", "yes", "yeah",
        "thank", "thx", "appointment", "infusion", "help", "like", "think",
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
