using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClinicBot.Sms.Tests.Fixtures;

/// <summary>
/// Twilio's Messages API on a loopback Kestrel port: records every message created (numbers in <see cref="OptedOut"/>
/// get 400 / 21610) and lists a number's messages newest first, those Twilio made from TwiML answers
/// (<see cref="CreatedFromTwiml"/>) included.
/// </summary>
public sealed class FakeTwilioApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Created> _created = new();

    public FakeTwilioApi()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/2010-04-01/Accounts/{account}/Messages.json", async (string account, HttpContext http) =>
        {
            var form = await http.Request.ReadFormAsync();
            if (Down) return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            var sent = new Sent(account, http.Request.Headers.Authorization.ToString(), form["To"].ToString(), form["From"].ToString(), form["Body"].ToString());
            Requests.Enqueue(sent);
            _created.Enqueue(new Created("SM" + Guid.NewGuid().ToString("N"), sent.To, sent.Body, "outbound-api", DateTimeOffset.UtcNow));
            if (OptedOut.ContainsKey(sent.To))
            {
                return Results.Json(new { code = 21610, message = "Attempt to send to unsubscribed recipient", status = 400 }, statusCode: 400);
            }

            return Results.Json(new { sid = "SM" + Guid.NewGuid().ToString("N"), status = "queued" }, statusCode: 201);
        });
        _app.MapGet("/2010-04-01/Accounts/{account}/Messages.json", (string account, string? to) =>
        {
            if (Down) return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            var messages = _created.Where(m => m.To == to).Reverse().Select(m => new
            {
                sid = m.Sid, to = m.To, body = m.Body, direction = m.Direction, status = "sent",
                date_created = m.At.ToString("ddd, dd MMM yyyy HH:mm:ss +0000", System.Globalization.CultureInfo.InvariantCulture),
            });
            return Results.Json(new { messages, uri = $"/2010-04-01/Accounts/{account}/Messages.json", page = 0, page_size = 20, next_page_uri = (string?)null });
        });
        _app.StartAsync().GetAwaiter().GetResult();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
    }

    public string BaseUrl { get; }

    /// <summary>While true every request gets 503 and is not recorded: Twilio is down.</summary>
    public bool Down { get; set; }

    public ConcurrentQueue<Sent> Requests { get; } = new();

    public ConcurrentDictionary<string, byte> OptedOut { get; } = new();

    public IReadOnlyList<Sent> To(string number) => Requests.Where(r => r.To == number).ToList();

    /// <summary>What Twilio does when a webhook's TwiML answer reaches it: creates the reply message (not a request to this API).</summary>
    public void CreatedFromTwiml(string to, string body) =>
        _created.Enqueue(new Created("SM" + Guid.NewGuid().ToString("N"), to, body, "outbound-reply", DateTimeOffset.UtcNow));

    private sealed record Created(string Sid, string To, string Body, string Direction, DateTimeOffset At);

    public sealed record Sent(string Account, string Authorization, string To, string From, string Body);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
