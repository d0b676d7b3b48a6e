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
    public async Task<bool> AddAsync(StaffAccount account, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            "INSERT INTO staff_accounts (email, name, password_hash, security_stamp, disabled_at) VALUES ($email, $name, $hash, $stamp, $disabled) ON CONFLICT(email) DO NOTHING",
            cancellationToken, ("$email", account.Email), ("$name", account.Name), ("$hash", account.PasswordHash), ("$stamp", account.SecurityStamp),
            ("$disabled", account.DisabledAt is { } at ? Format(at) : null)) == 1;

    /// <inheritdoc />
    public async Task<StaffAccount?> FindAsync(string email, CancellationToken cancellationToken)
    {
        await using var connection = _connections.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT email, name, password_hash, security_stamp, disabled_at FROM staff_accounts WHERE email = $email";
        command.Parameters.AddWithValue("$email", email);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new StaffAccount(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : Parse(reader.GetString(4)));
    }

    /// <inheritdoc />
    public async Task<bool> SetPasswordAsync(string email, string passwordHash, string securityStamp, CancellationToken cancellationToken) =>
        await ExecuteAsync("UPDATE staff_accounts SET password_hash = $hash, security_stamp = $stamp WHERE email = $email", cancellationToken,
            ("$email", email), ("$hash", passwordHash), ("$stamp", securityStamp)) == 1;

    /// <inheritdoc />
    public async Task<bool> SetDisabledAsync(string email, DateTimeOffset? disabledAt, string securityStamp, CancellationToken cancellationToken) =>
        await ExecuteAsync("UPDATE staff_accounts SET disabled_at = $disabled, security_stamp = $stamp WHERE email = $email", cancellationToken,
            ("$email", email), ("$disabled", disabledAt is { } at ? Format(at) : null), ("$stamp", securityStamp)) == 1;

    /// <inheritdoc />
    public async Task<bool> SetSecurityStampAsync(string email, string securityStamp, CancellationToken cancellationToken) =>
        await ExecuteAsync("UPDATE staff_accounts SET security_stamp = $stamp WHERE email = $email", cancellationToken,
            ("$email", email), ("$stamp", securityStamp)) == 1;

    private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, string? Value)[] parameters)
    {
        await using var connection = _connections.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.Add(name, SqliteType.Text).Value = (object?)value ?? DBNull.Value;
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
