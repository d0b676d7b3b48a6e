using System.Globalization;
using ClinicBot.Staff.Retention;
using Microsoft.Extensions.Options;

namespace ClinicBot.Cli.Purge;

/// <summary>
/// <c>purge [--dry-run]</c>: deletes the conversations <c>Privacy:RetentionDays</c> and <c>Privacy:EscalatedRetentionDays</c>
/// say have expired, as the host's retention job does, and prints how many rows of each kind went; with
/// <c>--dry-run</c> it prints what would go and deletes nothing. Counts only, never any text.
/// </summary>
internal sealed class PurgeCommand(DataPurge purge, string databaseLocation)
{
    public const string Usage = "usage: clinicbot purge [--dry-run]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var dryRun = args is ["--dry-run"];
        if (args.Count > 0 && !dryRun)
        {
            await error.WriteLineAsync($"clinicbot: unknown option '{args[0]}'\n{Usage}");
            return 2;
        }

        RetentionCutoffs cutoffs;
        try
        {
            cutoffs = purge.Cutoffs();
        }
        catch (OptionsValidationException ex)
        {
            await error.WriteLineAsync($"clinicbot: {ex.Message}");
            return 1;
        }

        var counts = dryRun ? await purge.PreviewAsync(cancellationToken) : await purge.RunAsync(cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"""
            Database {databaseLocation}: {(dryRun ? "would purge" : "purged")} {counts[PurgeCounts.Conversations]} conversations (last activity before {cutoffs.Plain:yyyy-MM-dd HH:mm} UTC, or {cutoffs.Escalated:yyyy-MM-dd HH:mm} UTC if escalated; open escalations kept).
            """));
        foreach (var (kind, count) in counts.Kinds) await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {kind,-28} {count,8}"));
        return 0;
    }
}
