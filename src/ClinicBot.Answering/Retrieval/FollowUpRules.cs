using ClinicBot.Knowledge.Search;
using ClinicBot.Knowledge.Text;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ClinicBot.Answering.Retrieval;

/// <summary>
/// When a message is a follow-up of the previous question (<c>prompts/answering/follow-ups.yaml</c>): short, and it
/// refers back, opens like a continuation or names nothing the articles discuss.
/// </summary>
public sealed class FollowUpRules
{
    private readonly int _maxWords;
    private readonly HashSet<string> _backReferences;
    private readonly List<string[]> _openers;

    private FollowUpRules(int maxWords, IEnumerable<string> backReferences, IEnumerable<string> openers)
    {
        _maxWords = maxWords;
        _backReferences = backReferences.Select(TextNormalizer.Fold).ToHashSet(StringComparer.Ordinal);
        _openers = openers.Select(o => Tokenizer.Tokenize(TextNormalizer.Fold(o)).ToArray()).Where(o => o.Length > 0).ToList();
    }

    /// <summary>No follow-ups: every message is read on its own.</summary>
    public static FollowUpRules None { get; } = new(0, [], []);

    /// <summary>Reads the rules file.</summary>
    /// <exception cref="InvalidDataException">The file is malformed.</exception>
    public static FollowUpRules Load(string path)
    {
        try
        {
            var file = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build()
                .Deserialize<RulesFile>(File.ReadAllText(path)) ?? new RulesFile();
            if (file.MaxWords <= 0) throw new InvalidDataException($"{Path.GetFileName(path)}: max_words must be positive.");
            return new FollowUpRules(file.MaxWords, file.BackReferences ?? [], file.Openers ?? []);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new InvalidDataException($"{Path.GetFileName(path)}: {e.Message}", e);
        }
    }

    /// <summary>Whether a message, as analysed on its own, leans on the previous question.</summary>
    public bool IsFollowUp(string message, QueryAnalysis alone)
    {
        var words = Tokenizer.Tokenize(TextNormalizer.Fold(message));
        if (words.Count == 0 || words.Count > _maxWords) return false;
        return words.Any(_backReferences.Contains)
            || _openers.Any(o => o.Length <= words.Count && o.SequenceEqual(words.Take(o.Length)))
            || alone.Concepts.All(c => c.PassageCount == 0);
    }

    private sealed class RulesFile
    {
        public int MaxWords { get; set; }

        public List<string>? BackReferences { get; set; }

        public List<string>? Openers { get; set; }
    }
}
