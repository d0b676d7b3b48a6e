using ClinicBot.Knowledge.Text;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ClinicBot.Knowledge.Lexicon;

/// <summary>Reads <c>knowledge/synonyms.yaml</c>; a malformed file fails start-up with the reason.</summary>
public static class LexiconLoader
{
    /// <summary>Loads and folds the lexicon file.</summary>
    public static Lexicon Load(string path)
    {
        LexiconFile file;
        try
        {
            file = new DeserializerBuilder()
                .WithNamingConvention(UnderscoredNamingConvention.Instance)
                .Build()
                .Deserialize<LexiconFile>(File.ReadAllText(path)) ?? new LexiconFile();
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            throw new InvalidDataException($"{Path.GetFileName(path)}: {ex.Message}", ex);
        }

        var groups = file.Synonyms
            .Select(group => (IReadOnlyList<string[]>)group.Select(Tokens).Where(t => t.Length > 0).ToList())
            .Where(group => group.Count > 1)
            .ToList();

        var rewrites = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (from, to) in file.Spanish.Concat(file.Shorthand))
        {
            var key = string.Join(' ', Tokens(from));
            if (key.Length == 0) throw new InvalidDataException($"{Path.GetFileName(path)}: an empty rewrite key.");
            rewrites[key] = Tokens(to);
        }

        var stopwords = file.Stopwords.SelectMany(Tokens).ToHashSet(StringComparer.Ordinal);
        var hedges = file.Hedges.SelectMany(Tokens).ToHashSet(StringComparer.Ordinal);
        return new Lexicon(groups, rewrites, stopwords, hedges);
    }

    private static string[] Tokens(string phrase) => Tokenizer.Tokenize(TextNormalizer.Fold(phrase)).ToArray();

    private sealed class LexiconFile
    {
        public List<List<string>> Synonyms { get; set; } = [];
        public Dictionary<string, string> Spanish { get; set; } = [];
        public Dictionary<string, string> Shorthand { get; set; } = [];
        public List<string> Stopwords { get; set; } = [];
        public List<string> Hedges { get; set; } = [];
    }
}
