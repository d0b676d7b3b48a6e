using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicBot.Host.Tests.Fixtures;
using ClinicBot.Staff.Accounts;
using ClinicBot.Staff.Audit;
using Microsoft.Extensions.DependencyInjection;
using static ClinicBot.Host.Tests.Fixtures.ActivityBuilder;
using static ClinicBot.Host.Tests.Fixtures.StaffSignIn;

namespace ClinicBot.Host.Tests.Staff;

/// <summary>
/// The staff JSON API over the real host: a patient's crisis on a Bot Framework channel reaches the queue, a signed-in
/// staff member opens, claims, replies (the reply reaches the patient's channel), and resolves, handing back to the bot.
/// </summary>
public sealed class StaffConsoleApiTests(HostFactory host) : IClassFixture<HostFactory>, IAsyncLifetime
{
    private const string Password = "correct horse battery staple";
    private readonly FakeChannel _channel = new();
    private HttpClient _staff = null!;
    private HttpClient _patient = null!;

    public async Task InitializeAsync()
    {
        _patient = await host.ReadyClientAsync();
        _staff = host.CreateClient();
        var accounts = host.Services.GetRequiredService<StaffAccountService>();
        await accounts.CreateAsync("nurse@clinic.example", "Nurse Joy", Password, CancellationToken.None);
    }

    public async Task DisposeAsync() => await _channel.DisposeAsync();

    [Theory]
    [InlineData("GET", "/api/staff/me")]
    [InlineData("GET", "/api/staff/escalations")]
    [InlineData("GET", "/api/staff/escalations/x")]
    [InlineData("GET", "/api/staff/events")]
    [InlineData("POST", "/api/staff/escalations/x/claim")]
    [InlineData("POST", "/api/staff/escalations/x/reply")]
    [InlineData("POST", "/api/staff/escalations/x/resolve")]
    [InlineData("POST", "/api/staff/escalations/x/erase")]
    public async Task StaffEndpoint_SignedOut_Returns401(string method, string path)
    {
        var response = await host.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_Returns400()
    {
        var response = await host.CreateClient().PostAsJsonAsync("/api/staff/sign-in", new { email = "nurse@clinic.example", password = Password });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SignIn_WrongPassword_Returns401()
    {
        var response = await PostAsync(_staff, "/api/staff/sign-in", new { email = "nurse@clinic.example", password = "not the password" }, await TokenAsync(_staff));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Handoff_CrisisOnWebChat_StaffClaimReplyResolveReachThePatient()
    {
        var conversation = "conv-" + Guid.NewGuid().ToString("N");
        await _patient.PostAsJsonAsync("/api/messages", Message("I don't want to be here anymore, I'm going to end it tonight", serviceUrl: _channel.BaseUrl, conversationId: conversation));
        var token = await SignInAsync();

        var queue = await _staff.GetFromJsonAsync<JsonArray>("/api/staff/escalations");
        var escalation = queue!.Single(e => ((string?)e!["conversationId"])!.EndsWith(conversation, StringComparison.Ordinal))!;
        Assert.Equal("urgent", (string?)escalation["priority"]);
        Assert.True((long)escalation["secondsToDue"]! is > 0 and <= 300);
        var why = escalation["triageReasons"]!.AsArray().Select(r => (string)r!).ToList();
        Assert.Contains(why, r => r.StartsWith("crisis.", StringComparison.Ordinal));
        Assert.Contains(why, r => r.StartsWith("model.crisis:", StringComparison.Ordinal));
        var id = (string)escalation["id"]!;

        var opened = await _staff.GetFromJsonAsync<JsonObject>($"/api/staff/escalations/{id}");
        var transcript = opened!["transcript"]!.AsArray();
        Assert.Equal("patient", (string?)transcript[0]!["author"]);
        Assert.Equal("crisis", (string?)transcript[1]!["route"]);

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(_staff, $"/api/staff/escalations/{id}/claim", new { }, token)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(_staff, $"/api/staff/escalations/{id}/claim", new { }, token)).StatusCode);

        var reply = await PostAsync(_staff, $"/api/staff/escalations/{id}/reply", new { text = "Hi, this is Joy from the clinic. I'm here with you. Are you safe right now?" }, token);
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        var whileHeld = await _patient.PostAsJsonAsync("/api/messages", Message("ok", expectReplies: true, conversationId: conversation));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(_staff, $"/api/staff/escalations/{id}/resolve", new { }, token)).StatusCode);

        var texts = _channel.Activities("message").Select(a => (string?)a["text"] ?? "").ToList();
        Assert.Contains(texts, t => t.Contains("988", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("Nurse Joy", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("Are you safe right now?", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("left the conversation", StringComparison.Ordinal));
        Assert.Empty(await RepliesAsync(whileHeld));
        var resolved = await _staff.GetFromJsonAsync<JsonObject>($"/api/staff/escalations/{id}");
        Assert.Equal("resolved", (string?)resolved!["status"]);
    }

    [Fact]
    public async Task Handoff_ChannelDown_ClaimAndReplyAreKeptAndQueued_ThenDelivered()
    {
        var conversation = "conv-" + Guid.NewGuid().ToString("N");
        await _patient.PostAsJsonAsync("/api/messages", Message("Can I talk to a real person please?", serviceUrl: _channel.BaseUrl, conversationId: conversation));
        var token = await SignInAsync();
        var id = await EscalationIdAsync(conversation);
        // The Connector fails every attempt (and every retry) of the join notice and of the reply.
        _channel.Script([.. Enumerable.Repeat((503, (string?)null), 8)]);

        var claim = await PostAsync(_staff, $"/api/staff/escalations/{id}/claim", new { }, token);
        var reply = await PostAsync(_staff, $"/api/staff/escalations/{id}/reply", new { text = "Hi, this is Joy. I'll call you in five minutes." }, token);

        Assert.Equal(HttpStatusCode.OK, claim.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, reply.StatusCode);
        Assert.True((bool)(await reply.Content.ReadFromJsonAsync<JsonObject>())!["queued"]!);
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(_staff, $"/api/staff/escalations/{id}/claim", new { }, token)).StatusCode);
        var opened = await _staff.GetFromJsonAsync<JsonObject>($"/api/staff/escalations/{id}");
        Assert.Contains(opened!["transcript"]!.AsArray(), e => (string?)e!["text"] == "Hi, this is Joy. I'll call you in five minutes.");

        var deadline = DateTime.UtcNow.AddSeconds(30);
        bool Arrived() => _channel.Activities("message").Any(a => (string?)a["text"] == "Hi, this is Joy. I'll call you in five minutes.");
        while (!Arrived() && DateTime.UtcNow < deadline) await Task.Delay(200);
        Assert.True(Arrived());
    }

    [Fact]
    public async Task Handoff_SpanishPatient_GetsTheJoinAndLeaveNoticesInSpanish()
    {
        var conversation = "conv-" + Guid.NewGuid().ToString("N");
        await _patient.PostAsJsonAsync("/api/messages", Message("Quiero hablar con una persona del equipo, por favor", serviceUrl: _channel.BaseUrl, locale: "es-MX", conversationId: conversation));
        var token = await SignInAsync();
        var id = await EscalationIdAsync(conversation);

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(_staff, $"/api/staff/escalations/{id}/claim", new { }, token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(_staff, $"/api/staff/escalations/{id}/resolve", new { }, token)).StatusCode);

        var texts = _channel.Activities("message").Select(a => (string?)a["text"] ?? "").ToList();
        Assert.Contains(texts, t => t.Contains("se unió a la conversación", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("salió de la conversación", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains("has joined", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reply_BeforeClaiming_Returns409()
    {
        var conversation = "conv-" + Guid.NewGuid().ToString("N");
        await _patient.PostAsJsonAsync("/api/messages", Message("Can I talk to a real person please?", serviceUrl: _channel.BaseUrl, conversationId: conversation));
        var token = await SignInAsync();
        var id = await EscalationIdAsync(conversation);

        var response = await PostAsync(_staff, $"/api/staff/escalations/{id}/reply", new { text = "hello" }, token);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Erase_SignedIn_ErasesThePatientKeepsTheEscalationRedactedAndAuditsTheStaffMember()
    {
        var conversation = "conv-" + Guid.NewGuid().ToString("N");
        await _patient.PostAsJsonAsync("/api/messages", Message(
            "I'm Ana Ruiz, born 03/02/1980, ana.ruiz@example.com. Can I talk to a real person please?", serviceUrl: _channel.BaseUrl, conversationId: conversation));
        var token = await SignInAsync();
        var id = await EscalationIdAsync(conversation);
        var before = await _staff.GetFromJsonAsync<JsonObject>($"/api/staff/escalations/{id}");
        Assert.Contains(before!["transcript"]!.AsArray(), e => ((string?)e!["text"])!.Contains("Ana Ruiz", StringComparison.Ordinal));

        var withoutToken = await _staff.PostAsync($"/api/staff/escalations/{id}/erase", JsonContent.Create(new { }));
        var erased = await PostAsync(_staff, $"/api/staff/escalations/{id}/erase", new { }, token);

        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        var receipt = await erased.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal((1, 1), ((int)receipt!["conversations"]!, (int)receipt["escalationsKept"]!));
        // The open escalation stays so staff see someone needed help; nothing the patient wrote is left in it.
        var after = await _staff.GetFromJsonAsync<JsonObject>($"/api/staff/escalations/{id}");
        Assert.Empty(after!["transcript"]!.AsArray());
        Assert.Equal("open", (string?)after["status"]);
        Assert.DoesNotContain("Ana", after.ToJsonString(), StringComparison.Ordinal);
        var audit = await host.Services.GetRequiredService<IAuditLog>().ForEscalationAsync(id, CancellationToken.None);
        var entry = Assert.Single(audit, a => a.Action.StartsWith("patient_erased ", StringComparison.Ordinal));
        Assert.Equal("nurse@clinic.example", entry.Actor);
        Assert.StartsWith("patient_erased channel=web conversations=1 ", entry.Action, StringComparison.Ordinal);
        Assert.DoesNotContain("Ana", entry.Action, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erase_UnknownEscalation_Returns404()
    {
        var token = await SignInAsync();

        var response = await PostAsync(_staff, "/api/staff/escalations/no-such-escalation/erase", new { }, token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Events_NewEscalation_IsStreamedLive()
    {
        await SignInAsync();
        using var stream = await _staff.GetAsync("/api/staff/events", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync());
        Assert.Equal(": connected", await reader.ReadLineAsync());

        await _patient.PostAsJsonAsync("/api/messages", Message("Can I talk to a real person please?", expectReplies: true));
        string? line;
        do
        {
            line = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        while (line is not null && !line.StartsWith("data:", StringComparison.Ordinal));

        Assert.Contains("\"kind\":\"raised\"", line, StringComparison.Ordinal);
    }

    private async Task<string> EscalationIdAsync(string conversation)
    {
        var queue = await _staff.GetFromJsonAsync<JsonArray>("/api/staff/escalations");
        return (string)queue!.Single(e => ((string?)e!["conversationId"])!.EndsWith(conversation, StringComparison.Ordinal))!["id"]!;
    }

    private async Task<string> SignInAsync()
    {
        var signIn = await PostAsync(_staff, "/api/staff/sign-in", new { email = "nurse@clinic.example", password = Password }, await TokenAsync(_staff));
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        return await TokenAsync(_staff);
    }
}
