using ClinicBot.Channels.Sms.Twilio;
using ClinicBot.Testing;
using Microsoft.Extensions.Primitives;

namespace ClinicBot.Sms.Tests;

/// <summary>
/// Signatures computed by twilio-node 6.0.2's getExpectedTwilioSignature, checked by Twilio's C# RequestValidator through
/// <see cref="TwilioWebhookSignature"/> (tests/sms-interop cross-checks many more live).
/// </summary>
public sealed class TwilioSignatureTests
{
    private const string Token = "12345";

    [Fact]
    public void IsValid_TwilioDocsExample_Accepted()
    {
        var form = Form(("CallSid", ["CA1234567890ABCDE"]), ("Caller", ["+12349013030"]), ("Digits", ["1234"]), ("From", ["+12349013030"]), ("To", ["+18005551212"]));

        Assert.True(TwilioWebhookSignature.IsValid(Token, "0/KCTR6DLpKmkAf8muzZqo1nDgQ=", "https://mycompany.com/myapp.php?foo=1&bar=2", form));
    }

    [Fact]
    public void IsValid_UnicodeAndRepeatedParameter_Accepted()
    {
        var form = Form(("Body", ["¿Cuánto dura? 😀 ümlaut"]), ("From", ["+15551234567"]), ("MessageSid", ["SM0123"]), ("Multi", ["b", "a", "b"]));

        Assert.True(TwilioWebhookSignature.IsValid(Token, "GIJFnRVG/KK+Qm14WV0wHANcy+A=", "https://bot.clinic.example/api/sms/twilio", form));
    }

    [Fact]
    public void IsValid_NonDefaultPortAndEncodedQuery_Accepted()
    {
        var form = Form(("Body", [""]), ("A", ["1"]), ("a", ["2"]), ("_", ["3"]));

        Assert.True(TwilioWebhookSignature.IsValid(Token, "heEDbWrSgCXkZfC3vIOVuZR9EVM=", "https://bot.clinic.example:8443/api/sms/twilio?x=a%20b&y=%E2%9C%93", form));
    }

    [Fact]
    public void TestSigner_MatchesTwilioNode()
    {
        var signature = TwilioTestSignature.Compute(Token, "https://mycompany.com/myapp.php?foo=1&bar=2",
            [new("CallSid", "CA1234567890ABCDE"), new("Caller", "+12349013030"), new("Digits", "1234"), new("From", "+12349013030"), new("To", "+18005551212")]);

        Assert.Equal("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", signature);
    }

    [Theory]
    [InlineData("https://mycompany.com:443/myapp.php?foo=1&bar=2", "https://mycompany.com/myapp.php?foo=1&bar=2")]
    [InlineData("https://mycompany.com/myapp.php?foo=1&bar=2", "https://mycompany.com:443/myapp.php?foo=1&bar=2")]
    public void IsValid_SignedWithOrWithoutDefaultPort_Accepted(string signedUrl, string requestUrl)
    {
        var signature = TwilioTestSignature.Compute(Token, signedUrl, [new("Body", "hi")]);

        Assert.True(TwilioWebhookSignature.IsValid(Token, signature, requestUrl, Form(("Body", ["hi"]))));
    }

    [Fact]
    public void IsValid_TamperedBodyWrongTokenOrNoHeader_Rejected()
    {
        var signature = TwilioTestSignature.Compute(Token, "https://a.example/sms", [new("Body", "hi")]);

        Assert.True(TwilioWebhookSignature.IsValid(Token, signature, "https://a.example/sms", Form(("Body", ["hi"]))));
        Assert.False(TwilioWebhookSignature.IsValid(Token, signature, "https://a.example/sms", Form(("Body", ["hi!"]))));
        Assert.False(TwilioWebhookSignature.IsValid(Token, null, "https://a.example/sms", Form(("Body", ["hi"]))));
        Assert.False(TwilioWebhookSignature.IsValid(Token, "", "https://a.example/sms", Form(("Body", ["hi"]))));
        Assert.False(TwilioWebhookSignature.IsValid("other", signature, "https://a.example/sms", Form(("Body", ["hi"]))));
    }

    private static Dictionary<string, StringValues> Form(params (string Name, string[] Values)[] pairs) =>
        pairs.ToDictionary(p => p.Name, p => new StringValues(p.Values), StringComparer.Ordinal);
}
