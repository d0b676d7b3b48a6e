namespace ClinicBot.Cli.Staff;

/// <summary>The one option of <c>staff disable|enable|reset-password</c>: <c>--email E</c>.</summary>
internal static class StaffEmailArgument
{
    /// <summary>The email, or null (the usage is written to <paramref name="error"/>) when the arguments are not just <c>--email E</c>.</summary>
    public static async Task<string?> ParseAsync(IReadOnlyList<string> args, string usage, TextWriter error)
    {
        if (args.Count == 2 && args[0] == "--email" && !string.IsNullOrWhiteSpace(args[1])) return args[1];
        var unknown = args.Count > 0 && args[0] != "--email" ? $"clinicbot: unknown option '{args[0]}'\n" : "";
        await error.WriteLineAsync(unknown + usage);
        return null;
    }
}
