using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ClinicBot.Host.Tests.Fixtures;

/// <summary>The console's sign-in: an antiforgery token, then <c>POST /api/staff/sign-in</c> with it.</summary>
public static class StaffSignIn
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string email, string password)
    {
        ArgumentNullException.ThrowIfNull(client);
        var token = (string)(await client.GetFromJsonAsync<JsonObject>("/api/staff/antiforgery"))!["token"]!;
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/staff/sign-in") { Content = JsonContent.Create(new { email, password }) };
        request.Headers.Add("X-CSRF-TOKEN", token);
        return await client.SendAsync(request);
    }
}
