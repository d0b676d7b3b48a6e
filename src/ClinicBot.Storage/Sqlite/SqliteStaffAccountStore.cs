using ClinicBot.Staff.Accounts;
using Microsoft.Data.Sqlite;
using static ClinicBot.Storage.Sqlite.SqliteConversationStore;

namespace ClinicBot.Storage.Sqlite;

/// <summary>Staff accounts in the SQLite file.</summary>
public sealed class SqliteStaffAccountStore : IStaffAccountStore
{
    private readonly SqliteConnectionFactory _connections;

    /// <summary>Over a database the schema migrations have brought up to date.</summary>
    public SqliteStaffAccountStore(SqliteConnectionFactory connections)
    {
        _connections = connections;
    }

    /// <inheritdoc />
    public async Task<bool> AddAsync(StaffAccount account, CancellationToken cancellationToken)
    {
        await using var connection = _connections.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO staff_accounts (email, name, password_hash, failed_attempts, locked_until) VALUES ($email, $name, $hash, 0, NULL) ON CONFLICT(email) DO NOTHING";
        command.Parameters.AddWithValue("$email", account.Email);
        command.Parameters.AddWithValue("$name", account.Name);
        command.Parameters.AddWithValue("$hash", account.PasswordHash);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <inheritdoc />
    public async Task<StaffAccount?> FindAsync(string email, CancellationToken cancellationToken)
    {
        await using var connection = _connections.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT email, name, password_hash, failed_attempts, locked_until FROM staff_accounts WHERE email = $email";
        command.Parameters.AddWithValue("$email", email);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new StaffAccount(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.IsDBNull(4) ? null : Parse(reader.GetString(4)));
    }

    /// <inheritdoc />
    public async Task UpdateSignInStateAsync(string email, int failedAttempts, DateTimeOffset? lockedUntil, CancellationToken cancellationToken)
    {
        await using var connection = _connections.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE staff_accounts SET failed_attempts = $failed, locked_until = $locked WHERE email = $email";
        command.Parameters.AddWithValue("$email", email);
        command.Parameters.AddWithValue("$failed", failedAttempts);
        command.Parameters.Add("$locked", SqliteType.Text).Value = lockedUntil is { } at ? Format(at) : DBNull.Value;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
