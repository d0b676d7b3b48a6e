using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ClinicBot.Host.Tests.Fixtures;

/// <summary>A visitor on the host's own Direct Line, as the clinic page's widget: a token, the started conversation, its activities.</summary>
public sealed record DirectLineVisitor(HttpResponseMessage Issued, HttpResponseMessage Started, string ConversationId, string Token)
{
    /// <summary>Takes a token from <c>POST /api/webchat/token</c> and starts its conversation.</summary>
    public static async Task<DirectLineVisitor> StartAsync(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var issued = await client.PostAsync("/api/webchat/token", null);
        var body = await issued.Content.ReadFromJsonAsync<JsonObject>();
        var token = (string)body!["token"]!;
        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new(issued, await client.SendAsync(start), (string)body["conversationId"]!, token);
    }

    /// <summary>Posts a message activity.</summary>
    public Task<HttpResponseMessage> PostAsync(HttpClient client, string text) =>
        SendAsync(client, HttpMethod.Post, JsonContent.Create(new { type = "message", text, from = new { id = "visitor" } }));

    /// <summary>The conversation's activities, as the polling widget reads them.</summary>
    public Task<HttpResponseMessage> ActivitiesAsync(HttpClient client) => SendAsync(client, HttpMethod.Get, null);

    private Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, HttpContent? content)
    {
        ArgumentNullException.ThrowIfNull(client);
        var request = new HttpRequestMessage(method, $"/v3/directline/conversations/{ConversationId}/activities") { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return client.SendAsync(request);
    }
}
