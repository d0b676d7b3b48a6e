using ClinicBot.Channels.Sms.Twilio;

namespace ClinicBot.Sms.Tests;

/// <summary>Signatures computed by twilio-node 6.0.2's getExpectedTwilioSignature (tests/sms-interop cross-checks many more live).</summary>
public sealed class TwilioSignatureTests
{
    private const string Token = "12345";

    [Fact]
    public void Compute_TwilioDocsExample_MatchesTwilioNode()
    {
        var signature = TwilioSignature.Compute(Token, "https://mycompany.com/myapp.php?foo=1&bar=2", Params(
            ("CallSid", ["CA1234567890ABCDE"]), ("Caller", ["+12349013030"]), ("Digits", ["1234"]), ("From", ["+12349013030"]), ("To", ["+18005551212"])));

        Assert.Equal("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", signature);
    }

    [Fact]
    public void Compute_UnicodeAndRepeatedParameter_MatchesTwilioNode()
    {
        var signature = TwilioSignature.Compute(Token, "https://bot.clinic.example/api/sms/twilio", Params(
            ("Body", ["¿Cuánto dura? 😀 ümlaut"]), ("From", ["+15551234567"]), ("MessageSid", ["SM0123"]), ("Multi", ["b", "a", "b"])));

        Assert.Equal("GIJFnRVG/KK+Qm14WV0wHANcy+A=", signature);
    }

    [Fact]
    public void Compute_CaseSensitiveNamesPortAndQuery_MatchesTwilioNode()
    {
        var signature = TwilioSignature.Compute(Token, "https://bot.clinic.example:8443/api/sms/twilio?x=a%20b&y=%E2%9C%93", Params(
            ("Body", [""]), ("A", ["1"]), ("a", ["2"]), ("_", ["3"])));

        Assert.Equal("heEDbWrSgCXkZfC3vIOVuZR9EVM=", signature);
    }

    [Theory]
    [InlineData("https://mycompany.com:443/myapp.php?foo=1&bar=2", "https://mycompany.com/myapp.php?foo=1&bar=2")]
    [InlineData("https://mycompany.com/myapp.php?foo=1&bar=2", "https://mycompany.com:443/myapp.php?foo=1&bar=2")]
    public void IsValid_SignedWithOrWithoutDefaultPort_Accepted(string signedUrl, string requestUrl)
    {
        var parameters = Params(("Body", ["hi"]));
        var signature = TwilioSignature.Compute(Token, signedUrl, parameters);

        Assert.True(TwilioSignature.IsValid(Token, signature, requestUrl, parameters));
    }

    [Fact]
    public void IsValid_TamperedBody_Rejected()
    {
        var signature = TwilioSignature.Compute(Token, "https://a.example/sms", Params(("Body", ["hi"])));

        Assert.False(TwilioSignature.IsValid(Token, signature, "https://a.example/sms", Params(("Body", ["hi!"]))));
        Assert.False(TwilioSignature.IsValid(Token, null, "https://a.example/sms", Params(("Body", ["hi"]))));
        Assert.False(TwilioSignature.IsValid("other", signature, "https://a.example/sms", Params(("Body", ["hi"]))));
    }

    private static List<KeyValuePair<string, IReadOnlyList<string>>> Params(params (string Name, string[] Values)[] pairs) =>
        pairs.Select(p => new KeyValuePair<string, IReadOnlyList<string>>(p.Name, p.Values)).ToList();
}
