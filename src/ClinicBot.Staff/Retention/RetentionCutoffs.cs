namespace ClinicBot.Staff.Retention;

/// <summary>
/// The instants a purge compares each conversation's last activity with: before <see cref="Plain"/> for a conversation
/// never escalated, before <see cref="Escalated"/> for one escalated (and none of its escalations still open).
/// </summary>
/// <param name="Plain">Now less <see cref="RetentionOptions.RetentionDays"/>.</param>
/// <param name="Escalated">Now less <see cref="RetentionOptions.EscalatedRetentionDays"/>.</param>
public sealed record RetentionCutoffs(DateTimeOffset Plain, DateTimeOffset Escalated)
{
    /// <summary>The cutoffs the options give at <paramref name="now"/>.</summary>
    public static RetentionCutoffs At(DateTimeOffset now, RetentionOptions options) =>
        new(now.AddDays(-options.RetentionDays), now.AddDays(-options.EscalatedRetentionDays));
}
