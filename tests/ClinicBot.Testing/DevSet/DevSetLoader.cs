using ClinicBot.Prompts;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ClinicBot.Testing.DevSet;

/// <summary>Loads the dev set; the categories are the schema's (crisis, clinical, human, education, ...).</summary>
public static class DevSetLoader
{
    private static readonly Lazy<IReadOnlyList<DevSetCase>> LazyAll = new(() => Load(RepositoryPaths.DevSet));

    /// <summary>Every case of <c>tests/data/devset.yaml</c>.</summary>
    public static IReadOnlyList<DevSetCase> All => LazyAll.Value;

    /// <summary>The cases of one category.</summary>
    public static IReadOnlyList<DevSetCase> Category(string category) =>
        All.Where(c => c.Category == category).ToList();

    /// <summary>Rows for an xunit [MemberData] theory.</summary>
    public static IEnumerable<object[]> Rows(params string[] categories) =>
        All.Where(c => categories.Length == 0 || categories.Contains(c.Category)).Select(c => new object[] { c });

    public static IReadOnlyList<DevSetCase> Load(string path)
    {
        var deserializer = new DeserializerBuilder()
            .WithNamingConvention(UnderscoredNamingConvention.Instance)
            .Build();
        var raw = deserializer.Deserialize<List<RawCase>>(File.ReadAllText(path));
        return raw.Select(r => new DevSetCase(
            r.Id,
            Enum.Parse<Channel>(r.Channel, ignoreCase: true),
            r.Locale,
            r.Text,
            r.Category,
            r.Sources ?? [],
            r.MustMention?.Select(g => (IReadOnlyList<string>)g).ToList() ?? [],
            r.MustNotMention ?? [],
            r.Note)).ToList();
    }

    private sealed class RawCase
    {
        public string Id { get; set; } = "";
        public string Channel { get; set; } = "web";
        public string Locale { get; set; } = "en";
        public string Text { get; set; } = "";
        public string Category { get; set; } = "";
        public List<string>? Sources { get; set; }
        public List<List<string>>? MustMention { get; set; }
        public List<string>? MustNotMention { get; set; }
        public string? Note { get; set; }
    }
}
