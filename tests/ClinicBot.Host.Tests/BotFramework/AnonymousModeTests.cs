using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ClinicBot.Host.Tests.Fixtures;
using static ClinicBot.Host.Tests.Fixtures.ActivityBuilder;

namespace ClinicBot.Host.Tests.BotFramework;

/// <summary>No MicrosoftAppId: local development, loopback callers only, no tokens.</summary>
public sealed class AnonymousModeTests
{
    [Fact]
    public async Task Messages_AnonymousFromOtherMachine_Returns401()
    {
        await using var host = new HostFactory { RemoteAddress = IPAddress.Parse("198.51.100.4") };
        var client = await host.ReadyClientAsync();

        var response = await client.PostAsJsonAsync("/api/messages", Message("hello", expectReplies: true));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Messages_TokenWithoutAppId_Returns401()
    {
        await using var host = new HostFactory();
        var client = await host.ReadyClientAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(Message("hello", expectReplies: true)) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestIssuer.Token("any", null));

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Messages_AnonymousFromIpv6Loopback_Accepted()
    {
        await using var host = new HostFactory { RemoteAddress = IPAddress.IPv6Loopback };
        var client = await host.ReadyClientAsync();

        var response = await client.PostAsJsonAsync("/api/messages", Message("hello", expectReplies: true));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
