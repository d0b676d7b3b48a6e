using ClinicBot.Testing;

namespace ClinicBot.Storage.Tests.Inventory;

/// <summary>
/// README's "Data we keep" table, read from between <c>&lt;!-- data-inventory:begin --&gt;</c> and
/// <c>&lt;!-- data-inventory:end --&gt;</c>: a header row, a separator row, then one row per table or other store.
/// </summary>
internal sealed class DataInventory(IReadOnlyList<InventoryRow> rows)
{
    private const string Begin = "<!-- data-inventory:begin -->";
    private const string End = "<!-- data-inventory:end -->";

    /// <summary>The repository's README.</summary>
    public static DataInventory Readme { get; } = Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md")));

    public IReadOnlyList<InventoryRow> Rows => rows;

    /// <summary>The rows that describe a table of the database.</summary>
    public IEnumerable<InventoryRow> Tables => rows.Where(r => r.Table is not null);

    /// <summary>The row of <paramref name="table"/>, or null when none describes it.</summary>
    public InventoryRow? Row(string table) => Tables.FirstOrDefault(r => r.Table == table);

    public static DataInventory Parse(string markdown)
    {
        var start = markdown.IndexOf(Begin, StringComparison.Ordinal);
        var end = markdown.IndexOf(End, StringComparison.Ordinal);
        if (start < 0 || end < start) throw new FormatException($"README has no table between {Begin} and {End}");

        var lines = markdown[(start + Begin.Length)..end].Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith('|')).ToList();
        var parsed = new List<InventoryRow>();
        foreach (var line in lines.Skip(2))
        {
            var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (cells.Length != 5) throw new FormatException($"Expected 5 cells, found {cells.Length}: {line}");
            parsed.Add(new InventoryRow(cells[0], cells[1], cells[2], cells[3], cells[4]));
        }

        return new DataInventory(parsed);
    }
}
