using Microsoft.Extensions.Options;

namespace ClinicBot.Staff.Retention;

/// <summary>
/// Positive retention days, escalated conversations kept at least as long as the others, an interval of at least a
/// minute and a batch of 1 to 10,000 conversations: checked at start-up, so a typo never purges too much.
/// </summary>
internal sealed class RetentionOptionsValidator : IValidateOptions<RetentionOptions>
{
    public ValidateOptionsResult Validate(string? name, RetentionOptions options)
    {
        var problems = new List<string>();
        const string section = RetentionOptions.Section;
        if (options.RetentionDays < 1) problems.Add($"{section}:RetentionDays must be at least 1 (days).");
        if (options.EscalatedRetentionDays < 1) problems.Add($"{section}:EscalatedRetentionDays must be at least 1 (days).");
        if (options.EscalatedRetentionDays < options.RetentionDays)
        {
            problems.Add($"{section}:EscalatedRetentionDays ({options.EscalatedRetentionDays}) must be at least {section}:RetentionDays ({options.RetentionDays}).");
        }

        if (options.PurgeInterval < TimeSpan.FromMinutes(1)) problems.Add($"{section}:PurgeInterval must be at least one minute (e.g. 01:00:00).");
        if (options.PurgeBatchSize is < 1 or > 10_000) problems.Add($"{section}:PurgeBatchSize must be between 1 and 10000.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
