using ClinicBot.Staff.Accounts;

namespace ClinicBot.Cli.Staff;

/// <summary>
/// <c>staff add --email E --name N</c>: creates a console account. The password is read from standard input
/// (one line) so it never appears in the shell history or the process list. Says which database it wrote to: the one
/// the host prints at start-up.
/// </summary>
internal sealed class StaffAddCommand(StaffAccountService accounts, string databaseLocation)
{
    public const string Usage = "usage: clinicbot staff add --email E --name N   (password on standard input)";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextReader input, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        string? email = null, name = null;
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            switch (args[i])
            {
                case "--email": email = args[i + 1]; break;
                case "--name": name = args[i + 1]; break;
                default:
                    await error.WriteLineAsync($"clinicbot: unknown option '{args[i]}'\n{Usage}");
                    return 2;
            }
        }

        if (email is null || name is null || args.Count % 2 != 0)
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        var password = await input.ReadLineAsync(cancellationToken) ?? "";
        var problem = await accounts.CreateAsync(email, name, password, cancellationToken);
        if (problem is not null)
        {
            await error.WriteLineAsync($"clinicbot: {problem}");
            return 1;
        }

        await output.WriteLineAsync($"Staff account created for {email.Trim().ToLowerInvariant()} in {databaseLocation}.");
        return 0;
    }
}
