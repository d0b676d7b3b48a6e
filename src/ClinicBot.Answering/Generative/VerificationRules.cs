using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ClinicBot.Answering.Generative;

/// <summary>The word lists verification uses, from <c>prompts/llm/verification.yaml</c>, folded.</summary>
/// <param name="Negations">Negation cues of every language: a sentence and its source must agree on having one.</param>
/// <param name="NumberWords">Numbers written as words ("forty", "cuarenta") and their digits.</param>
internal sealed record VerificationRules(IReadOnlySet<string> Negations, IReadOnlyDictionary<string, string> NumberWords)
{
    public static VerificationRules Load(string path)
    {
        RulesFile file;
        try
        {
            file = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build()
                .Deserialize<RulesFile>(File.ReadAllText(path)) ?? new RulesFile();
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            throw new InvalidDataException($"{path}: {ex.Message}", ex);
        }

        if (file.Negations.Count == 0) throw new InvalidDataException($"{path}: no negations are listed; negation flips would go unnoticed.");
        var negations = file.Negations.Values.SelectMany(words => words).Select(Fold).ToHashSet(StringComparer.Ordinal);
        var numbers = file.NumberWords.ToDictionary(pair => Fold(pair.Key), pair => pair.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);
        return new VerificationRules(negations, numbers);
    }

    private static string Fold(string word) => ClinicBot.Knowledge.Text.TextNormalizer.Fold(word).Replace("'", "", StringComparison.Ordinal);

    private sealed class RulesFile
    {
        public Dictionary<string, List<string>> Negations { get; set; } = [];

        public Dictionary<string, int> NumberWords { get; set; } = [];
    }
}
