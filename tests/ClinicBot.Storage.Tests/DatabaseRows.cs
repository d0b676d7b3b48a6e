using System.Data.Common;
using System.Globalization;
using ClinicBot.Storage.Postgres;
using ClinicBot.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicBot.Storage.Tests;

/// <summary>Reads a host's database directly, whichever the provider: its tables, and a column's values in a table.</summary>
internal sealed class DatabaseRows(IServiceProvider host)
{
    private DbConnection Open() => host.GetRequiredService<IStorageDatabase>() switch
    {
        SqliteConnectionFactory sqlite => sqlite.Open(),
        PostgresDatabase postgres => postgres.Open(),
        var other => throw new NotSupportedException(other.GetType().Name),
    };

    private bool IsSqlite => host.GetRequiredService<IStorageDatabase>() is SqliteConnectionFactory;

    /// <summary>Every table of the database (SQLite's own excepted).</summary>
    public IReadOnlyList<string> Tables() => Strings(IsSqlite
        ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        : "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name");

    /// <summary>
    /// The tables the schema made, as its migrations name them: SQLite's own and the shadow tables of its FTS5 table
    /// (<c>passage_fts_data</c>, ...) excepted.
    /// </summary>
    public IReadOnlyList<string> SchemaTables() => Strings(IsSqlite
        ? "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type IN ('table', 'virtual') AND name NOT LIKE 'sqlite_%' ORDER BY name"
        : "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name");

    /// <summary>The columns of <paramref name="table"/>.</summary>
    public IReadOnlyList<string> Columns(string table) => Strings(IsSqlite
        ? $"SELECT name FROM pragma_table_info('{table}')"
        : $"SELECT column_name::text FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '{table}'");

    /// <summary>The distinct values of <paramref name="column"/> in <paramref name="table"/>, sorted (ordinal).</summary>
    public IReadOnlyList<string> Distinct(string table, string column) =>
        [.. Strings($"SELECT DISTINCT {column} FROM {table} WHERE {column} IS NOT NULL").Order(StringComparer.Ordinal)];

    /// <summary>The number of rows of each table.</summary>
    public IReadOnlyDictionary<string, long> Counts() =>
        Tables().ToDictionary(t => t, t => Convert.ToInt64(Scalar($"SELECT count(*) FROM {t}"), CultureInfo.InvariantCulture));

    /// <summary>Runs statements that return no rows.</summary>
    public void Execute(string sql) => Strings(sql);

    /// <summary>The first column of a query's rows, as text.</summary>
    public IReadOnlyList<string> Strings(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read()) values.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture)!);
        return values;
    }

    private object? Scalar(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
