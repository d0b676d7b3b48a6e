using ClinicBot.Staff.Accounts;

namespace ClinicBot.Cli.Staff;

/// <summary>
/// <c>staff disable --email E</c>: the account can no longer sign in and its sessions end at their next request;
/// <c>staff enable --email E</c>: it can sign in again (its old sessions stay ended). Both are audited.
/// </summary>
internal sealed class StaffAccessCommand(StaffAccountService accounts, string databaseLocation)
{
    public const string Usage = "usage: clinicbot staff disable|enable --email E";

    public async Task<int> RunAsync(bool disable, IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (await StaffEmailArgument.ParseAsync(args, Usage, error) is not { } email) return 2;

        var problem = disable ? await accounts.DisableAsync(email, cancellationToken) : await accounts.EnableAsync(email, cancellationToken);
        if (problem is not null)
        {
            await error.WriteLineAsync($"clinicbot: {problem}");
            return 1;
        }

        var what = disable ? "disabled; its sessions are ended" : "enabled; it can sign in again";
        await output.WriteLineAsync($"Staff account {email.Trim().ToLowerInvariant()} {what} in {databaseLocation}.");
        return 0;
    }
}
