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
    private readonly IReadOnlyList<Regex> _patterns;

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
        var folded = TextNormalizer.Fold(sentence);
        return !_patterns.Any(p => p.IsMatch(folded));
    }

    private sealed class Rule
    {
        public string Id { get; set; } = "";
        public List<string> Patterns { get; set; } = [];
    }
}
