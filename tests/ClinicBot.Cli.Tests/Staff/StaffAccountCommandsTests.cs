using ClinicBot.Testing;
using Microsoft.Data.Sqlite;

namespace ClinicBot.Cli.Tests.Staff;

/// <summary>
/// <c>clinicbot staff disable|enable|reset-password</c> on a real database: each changes the account and its security
/// stamp (which ends its sessions) and is audited; an unknown email, a short password or a missing option is refused with a reason.
/// </summary>
public sealed class StaffAccountCommandsTests : IDisposable
{
    private const string Email = "ana@clinic.example";
    private readonly string _folder = Directory.CreateTempSubdirectory("clinicbot-staff-").FullName;

    private string DatabasePath => Path.Combine(_folder, "clinicbot.db");

    [Fact]
    public async Task DisableEnableResetPassword_ChangeTheAccountAndItsStamp_AndAreAudited()
    {
        Assert.Equal(0, (await StaffAsync("a long enough password 1\n", "add", "--email", Email, "--name", "Ana")).ExitCode);
        var created = Account();

        var disabled = await StaffAsync("", "disable", "--email", "Ana@Clinic.example");
        var whileDisabled = Account();
        var enabled = await StaffAsync("", "enable", "--email", Email);
        var whileEnabled = Account();
        var reset = await StaffAsync("a brand new password 2\n", "reset-password", "--email", Email);
        var afterReset = Account();

        Assert.Equal(0, disabled.ExitCode);
        Assert.Contains($"{Email} disabled", disabled.Lines.Single(), StringComparison.Ordinal);
        Assert.NotNull(whileDisabled.DisabledAt);
        Assert.Equal(0, enabled.ExitCode);
        Assert.Null(whileEnabled.DisabledAt);
        Assert.Equal(0, reset.ExitCode);
        Assert.Contains($"Password reset for {Email}", reset.Lines.Single(), StringComparison.Ordinal);
        Assert.NotEqual(whileEnabled.PasswordHash, afterReset.PasswordHash);
        Assert.Equal(4, new[] { created.Stamp, whileDisabled.Stamp, whileEnabled.Stamp, afterReset.Stamp }.Distinct().Count());
        Assert.Equal("disabled enabled password_reset", Text($"SELECT group_concat(action, ' ') FROM (SELECT action FROM audit_log WHERE actor = '{Email}' ORDER BY seq)"));
    }

    [Fact]
    public async Task Refusals_UnknownEmailShortPasswordMissingOption_SayWhy()
    {
        Assert.Equal(0, (await StaffAsync("a long enough password 1\n", "add", "--email", Email, "--name", "Ana")).ExitCode);

        var unknown = await StaffAsync("", "disable", "--email", "nobody@clinic.example");
        var shortPassword = await StaffAsync("short\n", "reset-password", "--email", Email);
        var missing = await StaffAsync("", "enable");

        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("no account with this email", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(1, shortPassword.ExitCode);
        Assert.Contains("at least 12 characters", shortPassword.Error, StringComparison.Ordinal);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("usage: clinicbot staff disable|enable --email E", missing.Error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private Task<(int ExitCode, List<string> Lines, string Error)> StaffAsync(string input, params string[] args) =>
        CliProcess.RunAsync(RepositoryPaths.Root, input, new Dictionary<string, string> { ["Storage__SqlitePath"] = DatabasePath }, ["staff", .. args]);

    private (string PasswordHash, string Stamp, string? DisabledAt) Account()
    {
        var row = Text($"SELECT password_hash || ' ' || security_stamp || ' ' || coalesce(disabled_at, '-') FROM staff_accounts WHERE email = '{Email}'").Split(' ');
        return (row[0], row[1], row[2] == "-" ? null : row[2]);
    }

    private string Text(string sql) => (string)SqliteFile.Scalar(DatabasePath, sql)!;
}
