using ClinicBot.Storage.Sqlite.Schema;
using Microsoft.Data.Sqlite;

namespace ClinicBot.Storage.Sqlite;

/// <summary>
/// Opens connections to the one database file, creating its folder, enabling WAL so readers never wait on a writer, and
/// bringing its schema up to date (<see cref="SqliteSchema"/>) before any store uses it.
/// </summary>
public sealed class SqliteConnectionFactory : IStorageDatabase
{
    private readonly string _connectionString;

    /// <summary>Prepares the file's folder, journal mode and schema.</summary>
    public SqliteConnectionFactory(string databasePath)
    {
        var fullPath = Path.GetFullPath(databasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        DatabasePath = fullPath;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 5,
        }.ToString();

        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        command.ExecuteNonQuery();
        AppliedMigrations = SqliteSchema.Migrate(connection);
    }

    /// <summary>The schema versions this factory applied when it opened the file (none when it was up to date).</summary>
    public IReadOnlyList<int> AppliedMigrations { get; }

    /// <summary>The absolute path of the database file.</summary>
    public string DatabasePath { get; }

    /// <inheritdoc />
    public string Location => DatabasePath;

    /// <inheritdoc />
    public int SchemaVersion()
    {
        using var connection = Open();
        return SqliteSchema.VersionOf(connection);
    }

    /// <summary>Runs one statement with named parameters on a connection of its own.</summary>
    public async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>An open connection; dispose it to return it to the pool.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }
}
