using ClinicBot.Channels.Sms;
using ClinicBot.Conversations.Delivery;
using ClinicBot.Conversations.State;
using ClinicBot.Prompts;
using ClinicBot.Sms.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicBot.Sms.Tests;

/// <summary>
/// A staff reply while Twilio is down: kept in the transcript and queued (never an error), then texted once Twilio is
/// back, by the host's own retry.
/// </summary>
public sealed class SmsStaffReplyOutageTests : IDisposable
{
    private readonly SmsHostFactory _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task StaffReply_TwilioDown_IsQueuedThenDeliveredWhenTwilioIsBack()
    {
        var client = await _host.ReadyClientAsync();
        var number = SmsHostFactory.NewNumber();
        await client.SendAsync(SmsHostFactory.Webhook(number, "can someone from the clinic call me about rescheduling"));
        var conversationId = "sms:" + _host.Services.GetRequiredService<PhoneProtector>().Hash(number)[..32];
        var before = _host.Twilio.To(number).Count;

        _host.Twilio.Down = true;
        var outcome = await _host.Services.GetRequiredService<PatientMessenger>()
            .SendAsync(conversationId, Channel.Sms, "staff", "Hi, this is Sam from the clinic. I'll call you at 2.", CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Queued, outcome);
        var transcript = await _host.Services.GetRequiredService<IConversationStore>().TranscriptAsync(conversationId, CancellationToken.None);
        Assert.Equal("Hi, this is Sam from the clinic. I'll call you at 2.", transcript[^1].Text);
        Assert.Equal(before, _host.Twilio.To(number).Count);

        _host.Twilio.Down = false;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (_host.Twilio.To(number).Count == before && DateTime.UtcNow < deadline) await Task.Delay(200);
        Assert.Equal("Hi, this is Sam from the clinic. I'll call you at 2.", Assert.Single(_host.Twilio.To(number).Skip(before)).Body);
    }
}
