using System.Globalization;
using System.Text;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ClinicBot.Embeddings;

/// <summary>
/// The embedding model reads English only, so a Spanish message is rewritten word by word (longest phrase first) into
/// rough English before it is embedded, from <c>prompts/safety/gloss/es.yaml</c>, a glossary a clinician can edit.
/// Triage and the answerer read the same glossary, so a Spanish question is embedded the same way by both.
/// </summary>
public sealed class SpanishGloss
{
    /// <summary>Where the glossary sits under the safety rules directory.</summary>
    public const string RelativePath = "gloss/es.yaml";

    // Words that mark a message as Spanish even when the channel says "en"; none is an ordinary English word.
    private static readonly HashSet<string> Markers =
    [
        "que", "q", "quiero", "estoy", "tengo", "pero", "porque", "xq", "pq", "para", "muy", "ya", "yo", "mi", "mis", "los",
        "las", "una", "el", "es", "esta", "como", "mas", "puedo", "por", "con", "del", "hay", "mucho", "nada", "hola",
        "gracias", "ayuda", "cita", "siento", "tambien", "tb", "tmb", "aqui", "ahora", "hoy", "manana", "voy", "cuando",
    ];

    private readonly Dictionary<string, string> _phrases;
    private readonly int _longest;

    private SpanishGloss(Dictionary<string, string> phrases)
    {
        _phrases = phrases;
        _longest = phrases.Count == 0 ? 0 : phrases.Keys.Max(k => k.Count(c => c == ' ') + 1);
    }

    /// <summary>No glossary: every text is embedded as written.</summary>
    public static SpanishGloss Empty { get; } = new([]);

    /// <summary>Reads <c>gloss/es.yaml</c> under the safety rules directory (empty when it is missing).</summary>
    public static SpanishGloss Load(string safetyRulesDirectory) => LoadFile(Path.Combine(safetyRulesDirectory, RelativePath));

    /// <summary>Reads a glossary file (empty when it is missing).</summary>
    /// <exception cref="InvalidDataException">An entry has no English meaning, or the YAML is malformed.</exception>
    public static SpanishGloss LoadFile(string path)
    {
        if (!File.Exists(path)) return Empty;
        try
        {
            var file = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build()
                .Deserialize<GlossFile>(File.ReadAllText(path));
            var phrases = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (spanish, english) in file?.Gloss ?? [])
            {
                if (string.IsNullOrWhiteSpace(spanish) || string.IsNullOrWhiteSpace(english))
                {
                    throw new InvalidDataException($"{RelativePath}: '{spanish}' needs an English meaning.");
                }

                phrases[string.Join(' ', Words(spanish))] = english.Trim().ToLowerInvariant();
            }

            return new SpanishGloss(phrases);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new InvalidDataException($"{RelativePath}: {e.Message}", e);
        }
    }

    /// <summary>The text the embedding model reads: the rough English of a Spanish message, or the message itself.</summary>
    public string EmbeddingInput(string text, string locale)
    {
        if (_phrases.Count == 0) return text;
        var words = Words(text);
        return IsSpanish(words, locale) ? Gloss(words) : text;
    }

    /// <summary>
    /// What the embedding model reads of each part of one message (its sentences, say): each part glossed on its own
    /// when the message as a whole reads as Spanish, else the parts themselves.
    /// </summary>
    public IReadOnlyList<string> EmbeddingInputs(IReadOnlyList<string> parts, string locale)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return _phrases.Count > 0 && IsSpanish(Words(string.Join(' ', parts)), locale) ? parts.Select(p => Gloss(Words(p))).ToList() : parts;
    }

    private static bool IsSpanish(List<string> words, string locale)
    {
        var markers = words.Where(Markers.Contains).Distinct().Count();
        return locale == "es" || (markers >= 2 && markers * 5 >= words.Count);
    }

    private string Gloss(List<string> words)
    {
        var output = new StringBuilder(words.Count * 8);
        for (var i = 0; i < words.Count;)
        {
            var matched = false;
            for (var length = Math.Min(_longest, words.Count - i); length >= 1 && !matched; length--)
            {
                if (!_phrases.TryGetValue(string.Join(' ', words.Skip(i).Take(length)), out var english)) continue;
                output.Append(english).Append(' ');
                i += length;
                matched = true;
            }

            if (!matched) output.Append(words[i++]).Append(' ');
        }

        return output.ToString().TrimEnd();
    }

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
                continue;
            }

            if (word.Length > 0) words.Add(word.ToString());
            word.Clear();
        }

        if (word.Length > 0) words.Add(word.ToString());
        return words;
    }

    private sealed class GlossFile
    {
        public Dictionary<string, string>? Gloss { get; set; }
    }
}
