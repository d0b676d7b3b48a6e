using System.Text.RegularExpressions;

namespace ClinicBot.Storage.Tests.Inventory;

/// <summary>
/// One row of README's "Data we keep" table: what, where, protection, kept, who sees it. Code spans that are SQL names
/// (<c>`transcript_entries`</c>, <c>`text`</c>) are what the checks read; settings, files and prose are not.
/// </summary>
internal sealed partial record InventoryRow(string What, string Where, string Protection, string Kept, string WhoSees)
{
    /// <summary>The kinds of protection a clause of the protection cell starts with.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["encrypted", "hashed", "clear"];

    /// <summary>The table the row describes (the SQL name its "where" starts with), or null for a file or the logs.</summary>
    public string? Table => Names(Where).FirstOrDefault() is { } name && Where.TrimStart().StartsWith($"`{name}`", StringComparison.Ordinal) ? name : null;

    /// <summary>A table of the SQLite schema only (the knowledge index, which PostgreSQL hosts keep in their local file).</summary>
    public bool SqliteOnly => Where.Contains("SQLite only", StringComparison.Ordinal);

    /// <summary>Kept until its conversation expires (the purge deletes its rows): the cell names a retention setting.</summary>
    public bool KeptWithConversation => Kept.Contains("RetentionDays", StringComparison.Ordinal);

    /// <summary>Described as never deleted.</summary>
    public bool KeptForever => Kept.Contains("forever", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Each column the protection cell names, with the first word of its clause (clauses are separated by ';':
    /// "encrypted: `text`; clear: `author`, `at`"): encrypted, hashed, clear, or whatever else the clause starts with.
    /// </summary>
    public IReadOnlyList<(string Column, string Kind)> Columns =>
        [.. Protection.Split(';').SelectMany(clause => Names(clause).Select(column => (column, FirstWord().Match(clause).Value.ToLowerInvariant())))];

    // The code spans of a cell that are SQL names.
    private static IEnumerable<string> Names(string cell) =>
        CodeSpan().Matches(cell).Select(m => m.Groups[1].Value).Where(name => SqlName().IsMatch(name));

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex("^[a-z_][a-z0-9_]*$")]
    private static partial Regex SqlName();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex FirstWord();
}
