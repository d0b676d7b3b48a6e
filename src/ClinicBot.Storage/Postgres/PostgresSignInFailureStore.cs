using ClinicBot.Staff.Accounts;
using Npgsql;

namespace ClinicBot.Storage.Postgres;

/// <summary>Failed sign-ins in the shared database under hashed keys: one count whichever host an attempt reaches.</summary>
public sealed class PostgresSignInFailureStore(PostgresDatabase database) : ISignInFailureStore
{
    /// <inheritdoc />
    public async Task<SignInFailures?> FindAsync(string keyHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT failures, last_failure_at FROM sign_in_failures WHERE key_hash = @key", connection).Add("key", keyHash);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new SignInFailures(reader.GetInt32(0), reader.GetFieldValue<DateTimeOffset>(1)) : null;
    }

    /// <inheritdoc />
    public async Task<SignInFailures> RecordAsync(string keyHash, DateTimeOffset at, DateTimeOffset forgetBefore, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            INSERT INTO sign_in_failures (key_hash, failures, last_failure_at) VALUES (@key, 1, @at)
            ON CONFLICT (key_hash) DO UPDATE SET
                failures = CASE WHEN sign_in_failures.last_failure_at < @forget THEN 1 ELSE sign_in_failures.failures + 1 END,
                last_failure_at = @at
            RETURNING failures
            """, connection).Add("key", keyHash).Add("at", at).Add("forget", forgetBefore);
        var failures = (int)(await command.ExecuteScalarAsync(cancellationToken))!;

        command.CommandText = "DELETE FROM sign_in_failures WHERE last_failure_at < @forget";
        command.Parameters.Clear();
        command.Add("forget", forgetBefore);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new SignInFailures(failures, at);
    }

    /// <inheritdoc />
    public Task ClearAsync(string keyHash, CancellationToken cancellationToken) =>
        database.ExecuteAsync("DELETE FROM sign_in_failures WHERE key_hash = @key", cancellationToken, ("key", keyHash));
}
