using ClinicBot.Staff.Accounts;

namespace ClinicBot.Cli.Staff;

/// <summary>
/// <c>staff reset-password --email E</c>: sets a new password, read from standard input (one line) as <c>staff add</c>
/// reads it, and ends the account's sessions. Audited.
/// </summary>
internal sealed class StaffResetPasswordCommand(StaffAccountService accounts, string databaseLocation)
{
    public const string Usage = "usage: clinicbot staff reset-password --email E   (new password on standard input)";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextReader input, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (await StaffEmailArgument.ParseAsync(args, Usage, error) is not { } email) return 2;

        var password = await input.ReadLineAsync(cancellationToken) ?? "";
        var problem = await accounts.ResetPasswordAsync(email, password, cancellationToken);
        if (problem is not null)
        {
            await error.WriteLineAsync($"clinicbot: {problem}");
            return 1;
        }

        await output.WriteLineAsync($"Password reset for {email.Trim().ToLowerInvariant()} in {databaseLocation}; its sessions are ended.");
        return 0;
    }
}
