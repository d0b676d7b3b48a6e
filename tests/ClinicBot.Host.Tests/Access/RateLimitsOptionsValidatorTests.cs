using ClinicBot.Host.Access;

namespace ClinicBot.Host.Tests.Access;

/// <summary>The <c>RateLimits</c> settings are checked at start: every rule needs a limit and a window it can refill over.</summary>
public sealed class RateLimitsOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        Assert.True(new RateLimitsOptionsValidator().Validate(null, new RateLimitsOptions()).Succeeded);
    }

    [Theory]
    [InlineData(0, "00:01:00")]
    [InlineData(-5, "00:01:00")]
    [InlineData(10, "00:00:00")]
    [InlineData(100, "00:00:00.050")]
    public void Validate_UnusableRule_FailsNamingTheKey(int permitLimit, string window)
    {
        var options = new RateLimitsOptions { SmsPerSender = new RateLimitRule { PermitLimit = permitLimit, Window = TimeSpan.Parse(window, System.Globalization.CultureInfo.InvariantCulture) } };

        var result = new RateLimitsOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("RateLimits:SmsPerSender", result.FailureMessage, StringComparison.Ordinal);
    }
}
