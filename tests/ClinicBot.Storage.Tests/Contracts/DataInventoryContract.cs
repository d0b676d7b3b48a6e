using ClinicBot.Storage.Privacy;
using ClinicBot.Storage.Retention;
using ClinicBot.Storage.Spool;
using ClinicBot.Storage.Tests.Inventory;

namespace ClinicBot.Storage.Tests.Contracts;

/// <summary>
/// README's "Data we keep" table against a database the provider's migrations made: it lists every table and no other,
/// names only columns its tables have, calls every column the code encrypts encrypted and every hash column hashed, and
/// keeps <em>with its conversation</em> exactly the tables the retention purge deletes from. A schema change (a table,
/// a protected column, a purge target) fails here until the README says what it keeps.
/// </summary>
public abstract class DataInventoryContract(StorageBackend backend) : StorageContract(backend)
{
    private static DataInventory Readme => DataInventory.Readme;

    /// <summary>Whether the provider's schema has the tables the README marks "SQLite only" (the knowledge index).</summary>
    protected abstract bool HasSqliteOnlyTables { get; }

    [Fact]
    public void Readme_FreshSchema_ListsEveryTableAndNoOther()
    {
        var schema = Schema().SchemaTables();

        var listed = Readme.Tables.Where(r => HasSqliteOnlyTables || !r.SqliteOnly).Select(r => r.Table!);

        None(schema.Except(listed).Select(t => $"{t}: in the schema, not in README's Data we keep")
            .Concat(listed.Except(schema).Select(t => $"{t}: in README's Data we keep, not in the schema")));
        Assert.Equal(listed.Distinct().Count(), listed.Count());
    }

    [Fact]
    public void Readme_FreshSchema_NamesOnlyColumnsItsTableHas()
    {
        var schema = Schema();

        var unknown = PresentRows(schema).SelectMany(r =>
        {
            var columns = schema.Columns(r.Table!);
            return r.Columns.Where(c => !columns.Contains(c.Column)).Select(c => $"{r.Table}.{c.Column}: named in README, not a column");
        });

        None(unknown);
    }

    [Fact]
    public void Readme_EveryColumnTheCodeEncrypts_IsNamedEncrypted()
    {
        var schema = Schema();
        // The patient-text columns (AES-256-GCM under Privacy:DataKey) and those the channels encrypt (the SMS number,
        // inbox and reply; the activity inbox), whose names say so.
        var encrypted = ProtectedColumn.All.Select(c => (c.Table, c.Column))
            .Concat(SchemaColumns(schema).Where(c => c.Column.EndsWith("_encrypted", StringComparison.Ordinal) || c.Column.EndsWith("_protected", StringComparison.Ordinal)));

        None(Misdescribed(encrypted.Distinct(), "encrypted"));
    }

    [Fact]
    public void Readme_EveryHashColumn_IsNamedHashed()
    {
        var hashed = SchemaColumns(Schema()).Where(c => c.Column.EndsWith("_hash", StringComparison.Ordinal));

        None(Misdescribed(hashed, "hashed"));
    }

    [Fact]
    public void Readme_ProtectionClauses_SayEncryptedHashedOrClear()
    {
        var vague = Readme.Tables.SelectMany(r => r.Columns.Where(c => !InventoryRow.Kinds.Contains(c.Kind)).Select(c => $"{r.Table}.{c.Column}: '{c.Kind}'"));

        None(vague);
    }

    [Fact]
    public void Readme_Retention_WithItsConversationExactlyForThePurgedTables()
    {
        var purged = RetentionTargets.All.Select(t => t.Table).ToHashSet(StringComparer.Ordinal);

        var wrong = Readme.Tables.Select(r => (r.Table!, Purged: purged.Contains(r.Table!), r.KeptWithConversation, r.KeptForever)).Where(r =>
            r.Purged != r.KeptWithConversation || (r.Purged && r.KeptForever)).Select(r => r.Purged
                ? $"{r.Item1}: the purge deletes from it; README must keep it with its conversation (RetentionDays), not forever"
                : $"{r.Item1}: the purge leaves it; README says it goes with its conversation");

        None(wrong);
        None(purged.Where(t => Readme.Row(t) is null).Select(t => $"{t}: purged, not in README"));
    }

    [Fact]
    public void Readme_StoresOutsideTheDatabase_AreListed()
    {
        string[] places = [FileEscalationSpool.FileName, DevelopmentKeyFile.FileName, "keys/"];

        Assert.All(places, place => Assert.Contains(Readme.Rows, r => r.Where.Contains($"`{place}`", StringComparison.Ordinal)));
        Assert.Contains(Readme.Rows, r => r.What == "logs" && r.Protection.Contains("never message text", StringComparison.Ordinal));
    }

    // Fails with every problem in full (Assert.Empty cuts each item short).
    private static void None(IEnumerable<string> problems)
    {
        var all = problems.ToList();
        if (all.Count > 0) Assert.Fail(string.Join(Environment.NewLine, all));
    }

    // A database the migrations just made.
    private DatabaseRows Schema() => new(NewHost(Backend.NewDatabase()));

    // The README rows of the tables this schema has.
    private IEnumerable<InventoryRow> PresentRows(DatabaseRows schema)
    {
        var tables = schema.SchemaTables();
        return Readme.Tables.Where(r => tables.Contains(r.Table!));
    }

    private static IEnumerable<(string Table, string Column)> SchemaColumns(DatabaseRows schema) =>
        schema.SchemaTables().SelectMany(t => schema.Columns(t).Select(c => (t, c)));

    // Each column README does not name, or names under another kind than kind.
    private static IEnumerable<string> Misdescribed(IEnumerable<(string Table, string Column)> columns, string kind) =>
        columns.Select(c => (c, Described: Readme.Row(c.Table)?.Columns.Where(n => n.Column == c.Column).Select(n => n.Kind).ToList() ?? []))
            .Where(x => x.Described is not [var only] || only != kind)
            .Select(x => $"{x.c.Table}.{x.c.Column}: the code makes it {kind}; README says {(x.Described.Count == 0 ? "nothing" : string.Join(", ", x.Described))}");
}
