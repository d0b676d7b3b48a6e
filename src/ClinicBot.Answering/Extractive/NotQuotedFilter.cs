using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using ClinicBot.Knowledge.Text;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ClinicBot.Answering.Extractive;

/// <summary>
/// Article sentences never quoted (calls to phone a particular clinic, talk about the article itself),
/// from <c>prompts/answering/not-quoted.yaml</c>.
/// </summary>
public sealed class NotQuotedFilter : ISentenceFilter
{
    private const int MaxCachedVerdicts = 10_000;

    private readonly IReadOnlyList<Regex> _patterns;

    // Article sentences are few and fixed, so each verdict is worked out once (answers are on the hot path).
    private readonly ConcurrentDictionary<string, bool> _verdicts = new(StringComparer.Ordinal);

    private NotQuotedFilter(IReadOnlyList<Regex> patterns) => _patterns = patterns;

    /// <summary>Loads and compiles the patterns; an invalid one fails start-up naming its rule.</summary>
    public static NotQuotedFilter Load(string path)
    {
        var rules = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build()
            .Deserialize<List<Rule>>(File.ReadAllText(path)) ?? [];
        var patterns = rules.SelectMany(rule => rule.Patterns.Select(pattern =>
        {
            try
            {
                return new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException ex)
            {
                throw new InvalidDataException($"{Path.GetFileName(path)}: rule '{rule.Id}' has an invalid pattern: {ex.Message}", ex);
            }
        })).ToList();
        return new NotQuotedFilter(patterns);
    }

    /// <inheritdoc />
    public bool Allows(string sentence)
    {
        if (_verdicts.TryGetValue(sentence, out var allowed)) return allowed;
        var folded = TextNormalizer.Fold(sentence);
        allowed = !_patterns.Any(p => p.IsMatch(folded));
        if (_verdicts.Count < MaxCachedVerdicts) _verdicts[sentence] = allowed;
        return allowed;
    }

    private sealed class Rule
    {
        public string Id { get; set; } = "";
        public List<string> Patterns { get; set; } = [];
    }
}
