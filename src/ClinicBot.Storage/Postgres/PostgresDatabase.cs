using ClinicBot.Storage.Postgres.Schema;
using Npgsql;

namespace ClinicBot.Storage.Postgres;

/// <summary>
/// The shared PostgreSQL database: one pooled <see cref="NpgsqlDataSource"/>, and the schema brought up to date
/// (<see cref="PostgresSchema"/>) before any store uses it, as <see cref="Sqlite.SqliteConnectionFactory"/> does for the file.
/// </summary>
public sealed class PostgresDatabase : IStorageDatabase, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Connects and applies the migrations the database lacks (under an advisory lock: hosts may start together).</summary>
    public PostgresDatabase(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString)) throw new InvalidOperationException(PostgresOptions.Missing);

        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Location = $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}";
        _dataSource = NpgsqlDataSource.Create(builder);
        using var connection = Open();
        AppliedMigrations = PostgresSchema.Migrate(connection);
    }

    /// <inheritdoc />
    public string Location { get; }

    /// <inheritdoc />
    public IReadOnlyList<int> AppliedMigrations { get; }

    /// <inheritdoc />
    public int SchemaVersion()
    {
        using var connection = Open();
        return PostgresSchema.VersionOf(connection);
    }

    /// <summary>An open connection from the pool; dispose it to return it.</summary>
    public NpgsqlConnection Open() => _dataSource.OpenConnection();

    /// <summary>An open connection from the pool, opened without blocking a thread.</summary>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) => await _dataSource.OpenConnectionAsync(cancellationToken);

    /// <summary>Runs one statement with named parameters on a connection of its own; returns the rows it changed.</summary>
    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Add(name, value);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose() => _dataSource.Dispose();
}
