using ClinicBot.Safety.Normalization;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ClinicBot.Safety.Rules;

/// <summary>
/// Every file of <c>prompts/safety</c>, parsed and checked. Any malformed file, unknown key, duplicate rule id or
/// invalid pattern throws <see cref="InvalidDataException"/> naming the file and rule, so a clinician's typo fails
/// start-up instead of silently switching a rule off.
/// </summary>
internal sealed class SafetyRuleDirectory
{
    private SafetyRuleDirectory(IReadOnlyList<(string File, RuleFileModel Model)> files, TextNormalizer normalizer)
    {
        Files = files;
        Normalizer = normalizer;
    }

    public IReadOnlyList<(string File, RuleFileModel Model)> Files { get; }

    public TextNormalizer Normalizer { get; }

    public static SafetyRuleDirectory Read(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Safety rules directory not found: {directory}");
        }

        var deserializer = new DeserializerBuilder()
            .WithNamingConvention(UnderscoredNamingConvention.Instance)
            .Build();
        var files = new List<(string, RuleFileModel)>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.yaml").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            RuleFileModel? model;
            try
            {
                model = deserializer.Deserialize<RuleFileModel?>(File.ReadAllText(path));
            }
            catch (YamlException ex)
            {
                throw new InvalidDataException($"{name}: not a valid safety rule file (line {ex.Start.Line}): {ex.InnerException?.Message ?? ex.Message}", ex);
            }

            if (model is not null) files.Add((name, model));
        }

        CheckUniqueIds(files);
        return new SafetyRuleDirectory(files, BuildNormalizer(files));
    }

    private static void CheckUniqueIds(List<(string File, RuleFileModel Model)> files)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (file, model) in files)
        {
            foreach (var rule in (model.Rules ?? []).Concat(model.Exclusions ?? []).Concat(model.OutputGuard ?? []))
            {
                if (string.IsNullOrWhiteSpace(rule.Id))
                {
                    throw new InvalidDataException($"{file}: a rule has no id.");
                }

                if (!seen.TryAdd(rule.Id, file))
                {
                    throw new InvalidDataException($"{file}: rule '{rule.Id}' is also defined in {seen[rule.Id]}.");
                }
            }
        }
    }

    private static TextNormalizer BuildNormalizer(List<(string File, RuleFileModel Model)> files)
    {
        var tables = files.Where(f => f.Model.Normalization is not null).ToList();
        if (tables.Count != 1)
        {
            throw new InvalidDataException($"Exactly one safety rule file must hold the 'normalization' tables; found {tables.Count}.");
        }

        var (file, model) = tables[0];
        var normalization = model.Normalization!;
        var leetspeak = new Dictionary<char, char>();
        foreach (var (symbol, letter) in normalization.Leetspeak ?? [])
        {
            if (symbol.Length != 1 || letter.Length != 1)
            {
                throw new InvalidDataException($"{file}: leetspeak entry '{symbol}: {letter}' must map one character to one letter.");
            }

            leetspeak[symbol[0]] = letter[0];
        }

        var emoji = new Dictionary<int, string>();
        foreach (var (symbol, word) in normalization.Emoji ?? [])
        {
            // Ignore the variation selector U+FE0F so "❤" and "❤️" are one entry.
            var runes = symbol.EnumerateRunes().Where(r => r.Value != 0xFE0F).ToList();
            if (runes.Count != 1)
            {
                throw new InvalidDataException($"{file}: emoji entry '{symbol}' must be a single emoji.");
            }

            emoji[runes[0].Value] = $" {word} ";
        }

        return new TextNormalizer(normalization.Shorthand ?? [], leetspeak, emoji);
    }
}
