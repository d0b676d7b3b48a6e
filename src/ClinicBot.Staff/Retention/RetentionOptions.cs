namespace ClinicBot.Staff.Retention;

/// <summary>
/// How long patient conversations are kept, bound from <c>Privacy</c>: a conversation is purged once its last activity is
/// older than <see cref="RetentionDays"/> (never escalated) or <see cref="EscalatedRetentionDays"/> (escalated); one whose
/// escalation is still open is kept whatever its age.
/// </summary>
public sealed class RetentionOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "Privacy";

    /// <summary>Days a conversation that was never escalated is kept after its last activity. Default 30.</summary>
    public int RetentionDays { get; set; } = 30;

    /// <summary>Days an escalated conversation is kept after its last activity (staff may need its history). Default 365.</summary>
    public int EscalatedRetentionDays { get; set; } = 365;

    /// <summary>How often the host's retention job runs. Default one hour.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Conversations purged per transaction, so a large purge never holds the write lock for long. Default 100.</summary>
    public int PurgeBatchSize { get; set; } = 100;
}
