using ClinicBot.Channels.Sms;
using ClinicBot.Conversations.Delivery;
using ClinicBot.Conversations.State;
using ClinicBot.Prompts;
using ClinicBot.Sms.Tests.Fixtures;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicBot.Sms.Tests;

/// <summary>
/// An SMS conversation keeps its channel address (the number's hash), and a staff reply goes to the channel it names; a
/// conversation stored before addresses were recorded is still reached, by its id.
/// </summary>
public sealed class SmsChannelAddressTests : IDisposable
{
    private readonly SmsHostFactory _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Text_NewPatient_StoresTheSmsAddressAndStaffReplyIsTextedThere()
    {
        var (number, conversationId) = await TextAsync("can someone from the clinic call me about my appointment");
        var hash = _host.Services.GetRequiredService<PhoneProtector>().Hash(number);
        var before = _host.Twilio.To(number).Count;

        var address = await _host.Services.GetRequiredService<IConversationStore>().AddressAsync(conversationId, CancellationToken.None);
        var outcome = await _host.Services.GetRequiredService<PatientMessenger>()
            .SendAsync(conversationId, Channel.Sms, "staff", "Hi, this is Sam from the clinic. I'll call you at 2.", CancellationToken.None);

        Assert.Equal(new ChannelAddress("sms", hash), address);
        Assert.Equal(DeliveryOutcome.Delivered, outcome);
        Assert.Equal("Hi, this is Sam from the clinic. I'll call you at 2.", Assert.Single(_host.Twilio.To(number).Skip(before)).Body);
    }

    [Fact]
    public async Task StaffReply_ConversationStoredBeforeAddresses_IsTextedByItsId()
    {
        var (number, conversationId) = await TextAsync("who do I talk to about rescheduling my session?");
        Execute("UPDATE conversations SET address_channel = NULL, address = NULL");
        var before = _host.Twilio.To(number).Count;

        var outcome = await _host.Services.GetRequiredService<PatientMessenger>()
            .SendAsync(conversationId, Channel.Sms, "staff", "Hi, Sam here: Thursday at 10 works.", CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Delivered, outcome);
        Assert.Equal("Hi, Sam here: Thursday at 10 works.", Assert.Single(_host.Twilio.To(number).Skip(before)).Body);
    }

    private async Task<(string Number, string ConversationId)> TextAsync(string text)
    {
        var client = await _host.ReadyClientAsync();
        var number = SmsHostFactory.NewNumber();
        await client.SendAsync(SmsHostFactory.Webhook(number, text));
        return (number, "sms:" + _host.Services.GetRequiredService<PhoneProtector>().Hash(number)[..32]);
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_host.DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
