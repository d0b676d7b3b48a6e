using Microsoft.Extensions.Logging;

namespace ClinicBot.Storage.Privacy;

/// <summary>
/// Builds the <see cref="PatientTextCipher"/> from <see cref="PrivacyOptions"/>: the configured key, or (where
/// <see cref="PrivacyOptions.DevelopmentKeyAllowed"/>) the development key file beside the database, with a warning.
/// When a key is configured and the development file exists too, the file's key is read as a previous key, so a
/// database started in Development can be rotated onto the configured key. Never logs a key.
/// </summary>
internal static partial class PatientTextKeys
{
    public const string Missing =
        "Privacy:DataKey is not set: outside Development it is required (the Base64 of 32 random bytes, e.g. `openssl rand -base64 32`), as patient text is encrypted at rest under it.";

    public const string RequiredShared =
        "Privacy:DataKey is required with Storage:Provider postgres, in Development too: every host of the shared database must encrypt patient text under the same key (the Base64 of 32 random bytes, e.g. `openssl rand -base64 32`).";

    public const string Invalid = "Privacy:DataKey is not the Base64 of 32 bytes (e.g. `openssl rand -base64 32`).";

    public const string InvalidPrevious = "A Privacy:PreviousDataKeys entry is not the Base64 of 32 bytes.";

    /// <summary>What is wrong with the options, or null: what start-up validation reports.</summary>
    public static string? Problem(PrivacyOptions options)
    {
        if (options.PreviousDataKeys.Any(k => DataKey.TryParse(k) is null)) return InvalidPrevious;
        if (string.IsNullOrWhiteSpace(options.DataKey)) return options.SharedDatabase ? RequiredShared : options.DevelopmentKeyAllowed ? null : Missing;
        return DataKey.TryParse(options.DataKey) is null ? Invalid : null;
    }

    /// <summary>The cipher of configured keys only.</summary>
    public static PatientTextCipher Cipher(PrivacyOptions options) =>
        Problem(options) is { } problem || DataKey.TryParse(options.DataKey) is not { } configured
            ? throw new InvalidOperationException(Problem(options) ?? Missing)
            : new PatientTextCipher(configured, Previous(options));

    /// <summary>The cipher of the configured keys, or of the development key file beside <paramref name="databasePath"/> where allowed.</summary>
    public static PatientTextCipher Cipher(PrivacyOptions options, string databasePath, ILogger logger)
    {
        if (Problem(options) is { } problem) throw new InvalidOperationException(problem);
        var previous = Previous(options);
        var file = DevelopmentKeyFile.PathBeside(databasePath);
        if (DataKey.TryParse(options.DataKey) is { } configured)
        {
            if (options.DevelopmentKeyAllowed && File.Exists(file) && DataKey.TryParse(File.ReadAllText(file)) is { } development) previous.Add(development);
            return new PatientTextCipher(configured, previous);
        }

        var generated = DataKey.TryParse(DevelopmentKeyFile.ReadOrCreate(file))
            ?? throw new InvalidOperationException($"The development data key file {file} does not hold the Base64 of 32 bytes: delete it only if the database beside it holds nothing to keep.");
        DevelopmentKey(logger, file);
        return new PatientTextCipher(generated, previous);
    }

    private static List<DataKey> Previous(PrivacyOptions options) => options.PreviousDataKeys.Select(k => DataKey.TryParse(k)!).ToList();

    [LoggerMessage(1, LogLevel.Warning,
        "Privacy:DataKey is not set: patient text is encrypted under the development key in {File}. Set Privacy:DataKey outside Development (see README, \"Patient text at rest\").")]
    private static partial void DevelopmentKey(ILogger logger, string file);
}
