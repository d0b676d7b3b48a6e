using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicBot.Host.Tests.Fixtures;
using ClinicBot.Staff.Accounts;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using static ClinicBot.Host.Tests.Fixtures.StaffSignIn;

namespace ClinicBot.Host.Tests.Staff;

/// <summary>
/// Staff sessions over the real host: a copy of a session cookie gets 401 once its account signs out, is disabled (also
/// after it is enabled again) or has its password reset; a stranger's failed sign-ins hold back only the stranger's
/// address; and a failed sign-in answers the same whether or not the email has an account.
/// </summary>
public sealed class StaffSessionTests : IClassFixture<HostFactory>
{
    private const string Password = "correct horse battery staple";
    private static readonly IPAddress Office = IPAddress.Parse("198.51.100.20");
    private static readonly IPAddress Attacker = IPAddress.Parse("203.0.113.20");
    private readonly HostFactory _host;

    public StaffSessionTests(HostFactory host)
    {
        _host = host;
        // The request rate limit is another test's subject; here only the sign-in backoff may refuse.
        host.Settings["RateLimits:SignInPerAddress:PermitLimit"] = "1000";
    }

    private StaffAccountService Accounts => _host.Services.GetRequiredService<StaffAccountService>();

    [Fact]
    public async Task SignOut_ACopyOfTheCookie_Gets401()
    {
        var email = await NewAccountAsync("out");
        var client = _host.CreateClient();
        var cookie = await SignInCookieAsync(client, email);
        var before = await MeAsync(cookie);

        var signedOut = await PostAsync(client, "/api/staff/sign-out", new { }, await TokenAsync(client));

        Assert.Equal(HttpStatusCode.OK, before);
        Assert.Equal(HttpStatusCode.NoContent, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(cookie));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/staff/me")).StatusCode);
    }

    [Fact]
    public async Task SignOut_TheLiveEventStreamEndsAtItsNextBeat()
    {
        var email = await NewAccountAsync("stream");
        var client = _host.CreateClient();
        await SignInCookieAsync(client, email);
        using var stream = await client.GetAsync("/api/staff/events", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync());
        Assert.Equal(": connected", await reader.ReadLineAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(client, "/api/staff/sign-out", new { }, await TokenAsync(client))).StatusCode);

        // The beat comes every 15 s: the stream has ended by the second.
        var ended = reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(35));
        Assert.DoesNotContain("keep-alive", await ended, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disable_TheCookieGets401_AlsoAfterEnable_AndTheRightPasswordIsRefusedAsIfWrong()
    {
        var email = await NewAccountAsync("gone");
        var cookie = await SignInCookieAsync(_host.CreateClient(), email);

        Assert.Null(await Accounts.DisableAsync(email, CancellationToken.None));
        var whileDisabled = await MeAsync(cookie);
        var signIn = await SignInAsync(_host.CreateClient(), email, Password);
        var wrong = await SignInAsync(_host.CreateClient(), email, "not the password at all");
        Assert.Null(await Accounts.EnableAsync(email, CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, whileDisabled);
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        Assert.Equal(await ProblemAsync(wrong), await ProblemAsync(signIn));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(cookie));
        Assert.Equal(HttpStatusCode.OK, await MeAsync(await SignInCookieAsync(_host.CreateClient(), email)));
    }

    [Fact]
    public async Task ResetPassword_TheCookieGets401_TheNewPasswordSignsIn()
    {
        var email = await NewAccountAsync("reset");
        var cookie = await SignInCookieAsync(_host.CreateClient(), email);

        Assert.Null(await Accounts.ResetPasswordAsync(email, "a brand new password", CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(cookie));
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(_host.CreateClient(), email, Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(_host.CreateClient(), email, "a brand new password")).StatusCode);
    }

    [Fact]
    public async Task FailedSignInsFromOneAddress_HoldBackThatAddress_NotTheOwnerFromHers()
    {
        var email = await NewAccountAsync("target");
        _host.RemoteAddress = Attacker;
        var attacker = _host.CreateClient();

        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(attacker, email, "guess number " + i)).StatusCode);
        var heldBack = await SignInAsync(attacker, email, Password);
        _host.RemoteAddress = Office;
        var owner = await SignInAsync(_host.CreateClient(), email, Password);
        _host.RemoteAddress = IPAddress.Loopback;

        Assert.Equal((HttpStatusCode)429, heldBack.StatusCode);
        Assert.Equal("30", heldBack.Headers.RetryAfter?.ToString());
        Assert.Equal(HttpStatusCode.OK, owner.StatusCode);
    }

    [Fact]
    public async Task FailedSignIn_UnknownEmailAndWrongPassword_GetTheSameAnswer_InAboutTheSameTime()
    {
        var email = await NewAccountAsync("known");
        var unknown = $"nobody-{Guid.NewGuid():N}@clinic.example";
        var client = _host.CreateClient();

        var wrong = new List<(HttpResponseMessage Response, TimeSpan Took)>();
        var missing = new List<(HttpResponseMessage Response, TimeSpan Took)>();
        for (var i = 0; i < 6; i++)
        {
            wrong.Add(await TimedSignInAsync(client, email));
            missing.Add(await TimedSignInAsync(client, unknown));
        }

        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(wrong[i].Response.StatusCode, missing[i].Response.StatusCode);
            Assert.Equal(wrong[i].Response.Headers.RetryAfter?.ToString(), missing[i].Response.Headers.RetryAfter?.ToString());
            Assert.Equal(await ProblemAsync(wrong[i].Response), await ProblemAsync(missing[i].Response));
        }

        // The first five are checked (401), the sixth held back (429), for both alike.
        Assert.Equal(HttpStatusCode.Unauthorized, wrong[0].Response.StatusCode);
        Assert.Equal((HttpStatusCode)429, wrong[5].Response.StatusCode);
        // An unknown email costs a password hash too: without it, it would answer in a fraction of the time.
        var wrongTook = Median(wrong.Take(5).Select(w => w.Took));
        var missingTook = Median(missing.Take(5).Select(m => m.Took));
        Assert.True(missingTook > wrongTook / 4, $"unknown email {missingTook.TotalMilliseconds} ms, wrong password {wrongTook.TotalMilliseconds} ms");
    }

    private async Task<string> NewAccountAsync(string name)
    {
        await _host.ReadyClientAsync();
        var email = $"{name}-{Guid.NewGuid():N}@clinic.example";
        Assert.Null(await Accounts.CreateAsync(email, name, Password, CancellationToken.None));
        return email;
    }

    // Signs in on the client and returns its session cookie ("name=value") to send from elsewhere.
    private static async Task<string> SignInCookieAsync(HttpClient client, string email)
    {
        var response = await SignInAsync(client, email, Password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("clinicbot_staff=", StringComparison.Ordinal));
    }

    private async Task<HttpStatusCode> MeAsync(string cookie)
    {
        using var bare = _host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/staff/me");
        request.Headers.Add("Cookie", cookie);
        return (await bare.SendAsync(request)).StatusCode;
    }

    private static async Task<(HttpResponseMessage, TimeSpan)> TimedSignInAsync(HttpClient client, string email)
    {
        var token = await TokenAsync(client);
        var watch = Stopwatch.StartNew();
        var response = await PostAsync(client, "/api/staff/sign-in", new { email, password = "not the password at all" }, token);
        return (response, watch.Elapsed);
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) => StaffSignIn.PostAsync(client, email, password);

    // The ProblemDetails body without its traceId, which differs on every request.
    private static async Task<string> ProblemAsync(HttpResponseMessage response)
    {
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        body.Remove("traceId");
        return body.ToJsonString();
    }

    private static TimeSpan Median(IEnumerable<TimeSpan> times) => times.Order().ElementAt(2);
}
