using ClinicBot.Channels.BotFramework.Activities;
using ClinicBot.Channels.BotFramework.Connector;
using ClinicBot.Host.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClinicBot.Host.Tests.BotFramework;

/// <summary>The bot's token goes only to serviceUrls that arrived on validated activities.</summary>
public sealed class ConnectorClientTests : IAsyncLifetime
{
    private readonly FakeChannel _channel = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _channel.DisposeAsync();

    [Fact]
    public async Task SendAsync_UntrustedServiceUrl_SendsNothing()
    {
        var trusted = new TrustedServiceUrls();
        var client = Client(trusted);

        await Assert.ThrowsAsync<ConnectorDeliveryException>(() => client.SendAsync(Reply(_channel.BaseUrl), CancellationToken.None));

        Assert.Empty(_channel.Requests);
    }

    [Fact]
    public async Task SendAsync_TrustedServiceUrl_SendsWithToken()
    {
        var trusted = new TrustedServiceUrls();
        trusted.Trust(_channel.BaseUrl + "/");
        var client = Client(trusted);

        await client.SendAsync(Reply(_channel.BaseUrl), CancellationToken.None);

        Assert.Equal("Bearer t0ken", Assert.Single(_channel.Requests).Authorization);
    }

    [Fact]
    public void Route_NoReplyToId_UsesSendToConversation()
    {
        var activity = Reply("https://smba.example.org/teams");
        activity.ReplyToId = null;

        Assert.Equal("https://smba.example.org/teams/v3/conversations/c%3A1/activities", ConnectorClient.Route(activity).AbsoluteUri);
    }

    private static Activity Reply(string serviceUrl) => new()
    {
        Type = ActivityTypes.Message,
        ServiceUrl = serviceUrl,
        Conversation = new ConversationAccount("c:1"),
        ReplyToId = "a1",
        Text = "hi",
    };

    private static ConnectorClient Client(TrustedServiceUrls trusted)
    {
        var services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        return new ConnectorClient(services.GetRequiredService<IHttpClientFactory>(), new FixedToken(), trusted, NullLogger<ConnectorClient>.Instance);
    }

    private sealed class FixedToken : IBotTokenProvider
    {
        public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult<string?>("t0ken");
    }
}
