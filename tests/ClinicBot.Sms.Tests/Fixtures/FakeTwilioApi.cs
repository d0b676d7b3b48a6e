using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClinicBot.Sms.Tests.Fixtures;

/// <summary>Twilio's Messages API on a loopback Kestrel port: records every request; numbers in <see cref="OptedOut"/> get 400 / 21610.</summary>
public sealed class FakeTwilioApi : IAsyncDisposable
{
    private readonly WebApplication _app;

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
            if (OptedOut.ContainsKey(sent.To))
            {
                return Results.Json(new { code = 21610, message = "Attempt to send to unsubscribed recipient", status = 400 }, statusCode: 400);
            }

            return Results.Json(new { sid = "SM" + Guid.NewGuid().ToString("N"), status = "queued" }, statusCode: 201);
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

    public sealed record Sent(string Account, string Authorization, string To, string From, string Body);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
