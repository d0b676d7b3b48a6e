using ClinicBot.Staff.Accounts;
using Npgsql;

namespace ClinicBot.Storage.Postgres;

/// <summary>Staff accounts in the shared database: one sign-in state whichever host a staff member reaches.</summary>
public sealed class PostgresStaffAccountStore(PostgresDatabase database) : IStaffAccountStore
{
    /// <inheritdoc />
    public async Task<bool> AddAsync(StaffAccount account, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            "INSERT INTO staff_accounts (email, name, password_hash, failed_attempts, locked_until) VALUES (@email, @name, @hash, 0, NULL) ON CONFLICT (email) DO NOTHING",
            cancellationToken, ("email", account.Email), ("name", account.Name), ("hash", account.PasswordHash)) == 1;

    /// <inheritdoc />
    public async Task<StaffAccount?> FindAsync(string email, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT email, name, password_hash, failed_attempts, locked_until FROM staff_accounts WHERE email = @email", connection).Add("email", email);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new StaffAccount(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetTimeOrNull(4));
    }

    /// <inheritdoc />
    public Task UpdateSignInStateAsync(string email, int failedAttempts, DateTimeOffset? lockedUntil, CancellationToken cancellationToken) =>
        database.ExecuteAsync("UPDATE staff_accounts SET failed_attempts = @failed, locked_until = @locked WHERE email = @email", cancellationToken,
            ("email", email), ("failed", failedAttempts), ("locked", lockedUntil));
}
