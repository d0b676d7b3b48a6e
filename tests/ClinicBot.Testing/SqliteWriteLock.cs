using Microsoft.Data.Sqlite;

namespace ClinicBot.Testing;

/// <summary>
/// Another process's hold on a SQLite file's write lock (<c>BEGIN IMMEDIATE</c> on a connection of its own): reads still
/// work, every write waits out its busy timeout and fails. Disposing rolls back and lets writes through again.
/// </summary>
public sealed class SqliteWriteLock : IAsyncDisposable
{
    private readonly SqliteConnection _connection;

    private SqliteWriteLock(SqliteConnection connection) => _connection = connection;

    public static async Task<SqliteWriteLock> HoldAsync(string databasePath)
    {
        var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "BEGIN IMMEDIATE;";
        await command.ExecuteNonQueryAsync();
        return new SqliteWriteLock(connection);
    }

    public async ValueTask DisposeAsync()
    {
        await using (var command = _connection.CreateCommand())
        {
            command.CommandText = "ROLLBACK;";
            await command.ExecuteNonQueryAsync();
        }

        await _connection.DisposeAsync();
    }
}
