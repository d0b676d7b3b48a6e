using System.Text.RegularExpressions;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ClinicBot.Answering.Confidence;

/// <summary>Reads <c>prompts/answering/required-evidence.yaml</c>; an invalid pattern fails start-up naming the rule.</summary>
public static class RequiredEvidenceLoader
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Loads and compiles the rules.</summary>
    public static IReadOnlyList<RequiredEvidenceRule> Load(string path)
    {
        var file = Path.GetFileName(path);
        var rules = new DeserializerBuilder()
            .WithNamingConvention(UnderscoredNamingConvention.Instance)
            .Build()
            .Deserialize<List<RuleFile>>(File.ReadAllText(path)) ?? [];

        return rules.Select(r =>
        {
            if (string.IsNullOrWhiteSpace(r.Id) || r.Question.Count == 0 || r.Evidence.Count == 0)
            {
                throw new InvalidDataException($"{file}: rule '{r.Id}' needs an id, question patterns and evidence patterns.");
            }

            return new RequiredEvidenceRule(r.Id, Compile(file, r.Id, r.Question), Compile(file, r.Id, r.Evidence));
        }).ToList();
    }

    private static List<Regex> Compile(string file, string id, List<string> patterns) =>
        patterns.Select(p =>
        {
            try
            {
                return new Regex(p, RegexOptions.CultureInvariant | RegexOptions.Compiled, MatchTimeout);
            }
            catch (ArgumentException ex)
            {
                throw new InvalidDataException($"{file}: rule '{id}' has an invalid pattern '{p}': {ex.Message}", ex);
            }
        }).ToList();

    private sealed class RuleFile
    {
        public string Id { get; set; } = "";
        public List<string> Question { get; set; } = [];
        public List<string> Evidence { get; set; } = [];
    }
}
