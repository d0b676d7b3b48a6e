using System.Net;
using System.Xml.Linq;
using ClinicBot.Sms.Tests.Fixtures;
using static ClinicBot.Sms.Tests.Fixtures.SmsHostFactory;

namespace ClinicBot.Sms.Tests;

/// <summary>
/// A reply that could be slow (here: every reply, with <c>Sms:ReplyMode=Rest</c>) is acknowledged with empty TwiML at once
/// and delivered afterwards through the REST sender, so Twilio's 15-second webhook window is never at risk.
/// </summary>
public sealed class SmsRestReplyTests : IAsyncLifetime
{
    private readonly SmsHostFactory _host = new();

    public Task InitializeAsync()
    {
        _host.Settings["Sms:ReplyMode"] = "Rest";
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Webhook_RestMode_EmptyTwimlThenReplyThroughRestApi()
    {
        var client = await _host.ReadyClientAsync();
        var number = NewNumber();

        var response = await client.SendAsync(Webhook(number, "how long does a ketamine session last"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var twiml = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Empty(twiml.Elements("Message"));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (_host.Twilio.To(number).Count == 0 && DateTime.UtcNow < deadline) await Task.Delay(100);
        var sent = Assert.Single(_host.Twilio.To(number));
        Assert.Contains("minutes", sent.Body, StringComparison.Ordinal);
        Assert.Equal(ClinicNumber, sent.From);
    }

    [Fact]
    public async Task Webhook_RestMode_ForgetMeConfirmationStillReachesTheErasedNumber()
    {
        var client = await _host.ReadyClientAsync();
        var number = NewNumber();

        foreach (var (text, replies) in new[] { ("how long does a ketamine session last", 1), ("delete my data", 2), ("yes", 3) })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(Webhook(number, text))).StatusCode);
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (_host.Twilio.To(number).Count < replies && DateTime.UtcNow < deadline) await Task.Delay(100);
        }

        // The subscriber row (the number) went with the erasure; the confirmation was sent to the number that asked.
        var sent = _host.Twilio.To(number);
        Assert.Equal(3, sent.Count);
        Assert.StartsWith("Done: your messages and my replies are erased", sent[^1].Body, StringComparison.Ordinal);
    }
}
