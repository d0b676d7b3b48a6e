using ClinicBot.Staff.Retention;
using ClinicBot.Testing;
using Microsoft.Extensions.Options;

namespace ClinicBot.Staff.Tests.Retention;

/// <summary><c>Privacy</c>'s retention settings: the defaults, and the values start-up refuses before anything is purged.</summary>
public sealed class RetentionOptionsTests
{
    [Fact]
    public void Options_NoneSet_ThirtyAndThreeHundredSixtyFiveDaysHourly()
    {
        using var host = new EngineHost();

        var options = host.Get<IOptions<RetentionOptions>>().Value;

        Assert.Equal((30, 365, TimeSpan.FromHours(1)), (options.RetentionDays, options.EscalatedRetentionDays, options.PurgeInterval));
    }

    [Theory]
    [InlineData("RetentionDays", "0", "Privacy:RetentionDays must be at least 1")]
    [InlineData("EscalatedRetentionDays", "-5", "Privacy:EscalatedRetentionDays must be at least 1")]
    [InlineData("EscalatedRetentionDays", "10", "Privacy:EscalatedRetentionDays (10) must be at least Privacy:RetentionDays (30)")]
    [InlineData("PurgeInterval", "00:00:10", "Privacy:PurgeInterval must be at least one minute")]
    [InlineData("PurgeBatchSize", "0", "Privacy:PurgeBatchSize must be between 1 and 10000")]
    public void Options_Invalid_RefusedNamingTheSetting(string key, string value, string message)
    {
        using var host = new EngineHost(new Dictionary<string, string?> { [$"Privacy:{key}"] = value });

        var refused = Assert.Throws<OptionsValidationException>(() => host.Get<IOptions<RetentionOptions>>().Value);

        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
    }
}
