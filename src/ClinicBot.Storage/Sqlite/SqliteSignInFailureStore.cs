using ClinicBot.Staff.Accounts;
using static ClinicBot.Storage.Sqlite.SqliteConversationStore;

namespace ClinicBot.Storage.Sqlite;

/// <summary>Failed sign-ins in the SQLite file, under hashed keys.</summary>
public sealed class SqliteSignInFailureStore : ISignInFailureStore
{
    private readonly SqliteConnectionFactory _connections;

    /// <summary>Over a database the schema migrations have brought up to date.</summary>
    public SqliteSignInFailureStore(SqliteConnectionFactory connections)
    {
        _connections = connections;
    }

    /// <inheritdoc />
    public async Task<SignInFailures?> FindAsync(string keyHash, CancellationToken cancellationToken)
    {
        await using var connection = _connections.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT failures, last_failure_at FROM sign_in_failures WHERE key_hash = $key";
        command.Parameters.AddWithValue("$key", keyHash);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new SignInFailures(reader.GetInt32(0), Parse(reader.GetString(1))) : null;
    }

    /// <inheritdoc />
    public async Task<SignInFailures> RecordAsync(string keyHash, DateTimeOffset at, DateTimeOffset forgetBefore, CancellationToken cancellationToken)
    {
        await using var connection = _connections.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO sign_in_failures (key_hash, failures, last_failure_at) VALUES ($key, 1, $at)
            ON CONFLICT(key_hash) DO UPDATE SET
                failures = CASE WHEN sign_in_failures.last_failure_at < $forget THEN 1 ELSE sign_in_failures.failures + 1 END,
                last_failure_at = $at
            RETURNING failures
            """;
        command.Parameters.AddWithValue("$key", keyHash);
        command.Parameters.AddWithValue("$at", Format(at));
        command.Parameters.AddWithValue("$forget", Format(forgetBefore));
        var failures = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);

        command.CommandText = "DELETE FROM sign_in_failures WHERE last_failure_at < $forget";
        command.Parameters.Clear();
        command.Parameters.AddWithValue("$forget", Format(forgetBefore));
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new SignInFailures(failures, at);
    }

    /// <inheritdoc />
    public async Task ClearAsync(string keyHash, CancellationToken cancellationToken)
    {
        await using var connection = _connections.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM sign_in_failures WHERE key_hash = $key";
        command.Parameters.AddWithValue("$key", keyHash);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
