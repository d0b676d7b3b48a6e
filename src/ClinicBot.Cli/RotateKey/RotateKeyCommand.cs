using ClinicBot.Storage;
using ClinicBot.Storage.Privacy;

namespace ClinicBot.Cli.RotateKey;

/// <summary>
/// <c>rotate-key</c>: re-encrypts every stored value of patient text under <c>Privacy:DataKey</c> (those under a key of
/// <c>Privacy:PreviousDataKeys</c> or the development key file, and legacy clear text), so the previous keys can then
/// be retired. Needs <c>Privacy:DataKey</c> set: it never rotates onto a generated key.
/// </summary>
internal static class RotateKeyCommand
{
    public const string Usage = "usage: clinicbot rotate-key   (with Privacy:DataKey the new key, Privacy:PreviousDataKeys the old ones)";

    public const string KeyRequired = "clinicbot: rotate-key needs Privacy:DataKey (the new key) set, e.g. as the environment variable Privacy__DataKey.";

    /// <summary>Whether the arguments and configuration let the command run; its error otherwise.</summary>
    public static string? Refusal(IReadOnlyList<string> args, string? dataKey) =>
        args.Count > 0 ? $"clinicbot: unknown option '{args[0]}'\n{Usage}"
        : string.IsNullOrWhiteSpace(dataKey) ? KeyRequired
        : null;

    public static async Task<int> RunAsync(PatientTextRotation rotation, IStorageDatabase database, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var result = await rotation.RotateAsync(cancellationToken);
        output.WriteLine($"Database {database.Location}: {result.Rewritten} values re-encrypted; every readable value is under data key {rotation.CurrentKeyId}.");
        if (result.Unreadable == 0) return 0;
        error.WriteLine($"clinicbot: {result.Unreadable} values are under a key that is not configured and were left as they were: add that key to Privacy:PreviousDataKeys and run rotate-key again.");
        return 1;
    }
}
