using System.Text.RegularExpressions;
using ClinicBot.Testing;

namespace ClinicBot.Host.Tests.Architecture;

/// <summary>Every SQL statement lives in ClinicBot.Storage (Sqlite/ and Postgres/), behind the ports the other projects declare.</summary>
public sealed partial class SqlPlacementTests
{
    private static readonly string Sources = Path.Combine(RepositoryPaths.Root, "src");
    private static readonly string Storage = Path.Combine(Sources, "ClinicBot.Storage") + Path.DirectorySeparatorChar;

    [Fact]
    public void Sources_OutsideStorage_HoldNoSql()
    {
        var offenders = SourceFiles().Where(path => !path.StartsWith(Storage, StringComparison.Ordinal) && HoldsSql(path))
            .Select(path => Path.GetRelativePath(RepositoryPaths.Root, path));

        Assert.Empty(offenders);
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public void Sources_InStorage_HoldTheSql(string provider)
    {
        // Keeps the test above honest: the pattern finds SQL as this code base writes it, for each provider.
        var folder = Path.Combine(Storage, provider) + Path.DirectorySeparatorChar;
        Assert.Contains(SourceFiles(), path => path.StartsWith(folder, StringComparison.Ordinal) && HoldsSql(path));
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Sources, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static bool HoldsSql(string path) => Sql().IsMatch(File.ReadAllText(path));

    // An upper-case statement keyword opening a string or a line of a raw string literal.
    [GeneratedRegex("""("|^\s*)(SELECT\s|INSERT\s+(OR\s+\w+\s+)?INTO\s|UPDATE\s+\w+\s+SET\s|DELETE\s+FROM\s|CREATE\s+(TABLE|INDEX|UNIQUE\s+INDEX|VIRTUAL\s+TABLE)\s|ALTER\s+TABLE\s|PRAGMA\s)""", RegexOptions.Multiline)]
    private static partial Regex Sql();
}
