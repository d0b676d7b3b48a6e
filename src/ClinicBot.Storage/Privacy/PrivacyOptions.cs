namespace ClinicBot.Storage.Privacy;

/// <summary>The key patient text is encrypted under at rest, bound from the <c>Privacy</c> configuration section.</summary>
public sealed class PrivacyOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "Privacy";

    /// <summary>
    /// The current key: Base64 of 32 random bytes (a secret; e.g. <c>openssl rand -base64 32</c>). Every value written is
    /// encrypted under it. Required outside Development; in Development a key is generated once beside the database.
    /// </summary>
    public string? DataKey { get; set; }

    /// <summary>Keys used before (Base64 of 32 bytes each): still read, never written; <c>clinicbot rotate-key</c> moves their rows to <see cref="DataKey"/>.</summary>
    public List<string> PreviousDataKeys { get; set; } = [];

    /// <summary>
    /// Whether a missing <see cref="DataKey"/> may be replaced by the development key file beside the database: set in
    /// the Development environment and by the offline CLI, never from configuration.
    /// </summary>
    public bool DevelopmentKeyAllowed { get; internal set; }

    /// <summary>
    /// Whether several hosts share the database (<c>Storage:Provider</c> <c>postgres</c>): they must encrypt under one key,
    /// so <see cref="DataKey"/> is required whatever the environment.
    /// </summary>
    public bool SharedDatabase { get; internal set; }
}
