using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ClinicBot.Host.Tests.Fixtures;
using ClinicBot.Staff.Accounts;
using Microsoft.Extensions.DependencyInjection;
using static ClinicBot.Host.Tests.Fixtures.ActivityBuilder;

namespace ClinicBot.Host.Tests.Access;

/// <summary>
/// The staff console's headers (a CSP its page works under, no framing, nosniff, no referrer) and
/// <c>Cache-Control: no-store</c> on the APIs that carry patient data, over the real host.
/// </summary>
public sealed partial class SecurityHeadersTests(HostFactory host) : IClassFixture<HostFactory>
{
    private const string Password = "correct horse battery staple";

    [Theory]
    [InlineData("/staff")]
    [InlineData("/staff/staff-console.js")]
    [InlineData("/staff/staff-console.css")]
    [InlineData("/api/staff/antiforgery")]
    public async Task StaffConsole_AnyResponse_CarriesTheConsoleHeaders(string path)
    {
        var response = await (await host.ReadyClientAsync()).GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
    }

    [Fact]
    public async Task StaffPage_HasNoInlineScriptOrStyle_SoItsPolicyNeedsNoUnsafeInline()
    {
        var html = await (await host.ReadyClientAsync()).GetStringAsync("/staff");

        Assert.DoesNotMatch(InlineCode(), html);
        Assert.Contains("<script src=\"/staff/staff-console.js\"></script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffApis_WithPatientData_AreNoStore()
    {
        var patient = await host.ReadyClientAsync();
        var conversation = "conv-" + Guid.NewGuid().ToString("N");
        await patient.PostAsJsonAsync("/api/messages", Message("Can I talk to a real person please?", expectReplies: true, conversationId: conversation));
        await host.Services.GetRequiredService<StaffAccountService>().CreateAsync("headers@clinic.example", "Nurse Header", Password, CancellationToken.None);
        var staff = host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await StaffSignIn.PostAsync(staff, "headers@clinic.example", Password)).StatusCode);

        var queue = await staff.GetAsync("/api/staff/escalations");
        var id = (string)(await queue.Content.ReadFromJsonAsync<JsonArray>())!
            .Single(e => ((string?)e!["conversationId"])!.EndsWith(conversation, StringComparison.Ordinal))!["id"]!;
        var transcript = await staff.GetAsync($"/api/staff/escalations/{id}");

        Assert.Equal(HttpStatusCode.OK, transcript.StatusCode);
        Assert.True(queue.Headers.CacheControl?.NoStore, "queue no-store");
        Assert.True(transcript.Headers.CacheControl?.NoStore, "transcript no-store");
    }

    [Fact]
    public async Task DirectLineAndMessages_Responses_AreNoStore()
    {
        var client = await host.ReadyClientAsync();
        var visitor = await DirectLineVisitor.StartAsync(client);
        var posted = await visitor.PostAsync(client, "what is ketamine therapy");
        var activities = await visitor.ActivitiesAsync(client);
        var messages = await client.PostAsJsonAsync("/api/messages", Message("what is ketamine therapy", expectReplies: true));

        foreach (var response in new[] { visitor.Issued, visitor.Started, posted, activities, messages })
        {
            Assert.True(response.IsSuccessStatusCode, response.RequestMessage!.RequestUri!.ToString());
            Assert.True(response.Headers.CacheControl?.NoStore, response.RequestMessage.RequestUri.ToString());
        }
    }

    [Fact]
    public async Task ClinicPage_KeepsItsOwnPolicy()
    {
        var response = await (await host.ReadyClientAsync()).GetAsync("/");

        Assert.Contains("frame-ancestors 'self'", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : "";

    // An inline script (no src), a style element or attribute, or an inline event handler.
    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle=|\son[a-z]+=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineCode();
}
