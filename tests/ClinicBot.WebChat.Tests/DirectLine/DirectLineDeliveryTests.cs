using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ClinicBot.Conversations.Delivery;
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
    public async Task PatientMessenger_UnknownDirectLineConversation_IsNotDelivered()
    {
        _ = await _factory.StartConversationAsync();
        var deliveries = _factory.Services.GetServices<IChannelDelivery>();
        foreach (var delivery in deliveries) Assert.False(await delivery.CanDeliverAsync("directline:nope", CancellationToken.None));
    }
}
