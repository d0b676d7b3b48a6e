using ClinicBot.Staff.Accounts;
using Npgsql;

namespace ClinicBot.Storage.Postgres;

/// <summary>Staff accounts in the shared database: one security stamp whichever host a staff member reaches.</summary>
public sealed class PostgresStaffAccountStore(PostgresDatabase database) : IStaffAccountStore
{
    /// <inheritdoc />
    public async Task<bool> AddAsync(StaffAccount account, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            "INSERT INTO staff_accounts (email, name, password_hash, security_stamp, disabled_at) VALUES (@email, @name, @hash, @stamp, @disabled) ON CONFLICT (email) DO NOTHING",
            cancellationToken, ("email", account.Email), ("name", account.Name), ("hash", account.PasswordHash), ("stamp", account.SecurityStamp),
            ("disabled", account.DisabledAt)) == 1;

    /// <inheritdoc />
    public async Task<StaffAccount?> FindAsync(string email, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT email, name, password_hash, security_stamp, disabled_at FROM staff_accounts WHERE email = @email", connection).Add("email", email);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new StaffAccount(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetTimeOrNull(4));
    }

    /// <inheritdoc />
    public async Task<bool> SetPasswordAsync(string email, string passwordHash, string securityStamp, CancellationToken cancellationToken) =>
        await database.ExecuteAsync("UPDATE staff_accounts SET password_hash = @hash, security_stamp = @stamp WHERE email = @email", cancellationToken,
            ("email", email), ("hash", passwordHash), ("stamp", securityStamp)) == 1;

    /// <inheritdoc />
    public async Task<bool> SetDisabledAsync(string email, DateTimeOffset? disabledAt, string securityStamp, CancellationToken cancellationToken) =>
        await database.ExecuteAsync("UPDATE staff_accounts SET disabled_at = @disabled, security_stamp = @stamp WHERE email = @email", cancellationToken,
            ("email", email), ("disabled", disabledAt), ("stamp", securityStamp)) == 1;

    /// <inheritdoc />
    public async Task<bool> SetSecurityStampAsync(string email, string securityStamp, CancellationToken cancellationToken) =>
        await database.ExecuteAsync("UPDATE staff_accounts SET security_stamp = @stamp WHERE email = @email", cancellationToken,
            ("email", email), ("stamp", securityStamp)) == 1;
}
