using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ClinicBot.Conversations.Delivery;
using ClinicBot.Conversations.State;
using ClinicBot.Prompts;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicBot.WebChat.Tests.DirectLine;

/// <summary>Staff replies reach the visitor's Direct Line conversation through the host's <see cref="PatientMessenger"/>.</summary>
public sealed class DirectLineDeliveryTests : IAsyncLifetime
{
    private readonly WebChatHostFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task PatientMessenger_DirectLineConversation_AppendsStaffMessageForTheVisitor()
    {
        var (client, conversationId, token) = await _factory.StartConversationAsync();
        var messenger = _factory.Services.GetRequiredService<PatientMessenger>();

        var delivered = await messenger.SendAsync("directline:" + conversationId, Channel.Web, "staff:nurse@clinic.test", "Hi, this is Dana from the clinic.", CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Delivered, delivered);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var set = await (await client.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
        var staff = set.GetProperty("activities").EnumerateArray().Last();
        Assert.Equal("Hi, this is Dana from the clinic.", staff.GetProperty("text").GetString());
        Assert.Equal("bot", staff.GetProperty("from").GetProperty("role").GetString());
        Assert.Equal("plain", staff.GetProperty("textFormat").GetString());
    }

    [Fact]
    public async Task PatientMessenger_UnknownDirectLineConversation_IsUnreachable()
    {
        _ = await _factory.StartConversationAsync();
        var messenger = _factory.Services.GetRequiredService<PatientMessenger>();

        var outcome = await messenger.SendAsync("directline:nope", Channel.Web, "staff:nurse@clinic.test", "Hello?", CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Unreachable, outcome);
    }

    [Fact]
    public async Task StartConversation_NewConversation_StoresItsDirectLineAddress()
    {
        var (_, conversationId, _) = await _factory.StartConversationAsync();

        var address = await _factory.Services.GetRequiredService<IConversationStore>().AddressAsync("directline:" + conversationId, CancellationToken.None);

        Assert.Equal(new ChannelAddress("directline", conversationId), address);
    }

    [Fact]
    public async Task PatientMessenger_StoredAddress_DeliversToTheChannelItNamesWhateverTheId()
    {
        var (client, conversationId, token) = await _factory.StartConversationAsync();
        var store = _factory.Services.GetRequiredService<IConversationStore>();
        // No channel's id convention: only the stored address says where this patient is.
        await store.SetAddressAsync("followup-42", Channel.Web, new ChannelAddress("directline", conversationId), DateTimeOffset.UtcNow, CancellationToken.None);

        var outcome = await _factory.Services.GetRequiredService<PatientMessenger>()
            .SendAsync("followup-42", Channel.Web, "staff:nurse@clinic.test", "Your results are in; call us when you can.", CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Delivered, outcome);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var set = await (await client.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Your results are in; call us when you can.", set.GetProperty("activities").EnumerateArray().Last().GetProperty("text").GetString());
    }
}
