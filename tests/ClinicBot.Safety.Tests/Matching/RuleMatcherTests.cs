using System.Text.RegularExpressions;
using ClinicBot.Safety.Rules;

namespace ClinicBot.Safety.Tests.Matching;

/// <summary>A pattern that runs out of time (bad backtracking, or a starved thread) must not fail the patient's message.</summary>
public sealed class RuleMatcherTests
{
    [Fact]
    public void IsMatch_PatternTimesOut_CountsAsNotMatchedInsteadOfThrowing()
    {
        // Nested quantifiers on a long run of "a" that ends in a mismatch: exponential backtracking.
        var matcher = new RuleMatcher(null, new Regex("^(a+)+$", RegexOptions.None, TimeSpan.FromMilliseconds(20)));

        var matched = matcher.IsMatch(new string('a', 40) + "!", []);

        Assert.False(matched);
    }

    [Fact]
    public void IsMatch_HealthyPattern_StillMatches()
    {
        var matcher = new RuleMatcher(null, new Regex(@"\bkil (my ?self|me)\b", RegexOptions.None, TimeSpan.FromMilliseconds(20)));

        Assert.True(matcher.IsMatch("i want to kil myself", []));
    }
}
