using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ClinicBot.Host.Tests.Fixtures;

/// <summary>The console's sign-in: an antiforgery token, then <c>POST /api/staff/sign-in</c> with it; and any other console POST.</summary>
public static class StaffSignIn
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string email, string password) =>
        await PostAsync(client, "/api/staff/sign-in", new { email, password }, await TokenAsync(client));

    /// <summary>An antiforgery token; tokens are bound to the signed-in user, so a new one is needed after signing in.</summary>
    public static async Task<string> TokenAsync(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return (string)(await client.GetFromJsonAsync<JsonObject>("/api/staff/antiforgery"))!["token"]!;
    }

    /// <summary>A console POST of <paramref name="body"/> as JSON with the antiforgery token.</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body, string token)
    {
        ArgumentNullException.ThrowIfNull(client);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-CSRF-TOKEN", token);
        return client.SendAsync(request);
    }
}
