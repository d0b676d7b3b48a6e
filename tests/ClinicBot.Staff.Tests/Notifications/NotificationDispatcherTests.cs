using System.Net;
using System.Text;
using ClinicBot.Staff.Notifications;
using ClinicBot.Testing;

namespace ClinicBot.Staff.Tests.Notifications;

/// <summary>
/// A real local webhook (HttpListener on loopback) that is down, then recovers. The sender's retry delays run on the
/// host's fake clock, so the test moves it while the webhook is down.
/// </summary>
public sealed class NotificationDispatcherTests : IDisposable
{
    private const string Secret = "test-signing-secret";
    private readonly int _port = LoopbackPorts.Free();
    private readonly StaffHost _host;

    public NotificationDispatcherTests()
    {
        _host = new StaffHost(new Dictionary<string, string?>
        {
            ["Staff:Notifications:WebhookUrl"] = $"http://127.0.0.1:{_port}/hook/",
            ["Staff:Notifications:SigningSecret"] = Secret,
            ["Staff:Notifications:RequestTimeout"] = "00:00:02",
        });
    }

    [Fact]
    public async Task Deliver_WebhookDownThenUp_EscalationQueuedAndNotifiedOnRecovery()
    {
        await _host.SayAsync("crisis-webhook", "I want to kill myself");
        var dispatcher = _host.Get<NotificationDispatcher>();

        // Refused connections are retried after a backoff: the clock moves through the retry delays.
        var whileDown = await _host.Clock.AdvanceUntilDoneAsync(dispatcher.DeliverDueAsync(CancellationToken.None), TimeSpan.FromMilliseconds(100));
        Assert.Equal(0, whileDown);
        Assert.Equal("open", (await _host.OnlyEscalationAsync("crisis-webhook")).Status);

        using var webhook = new HttpListener();
        webhook.Prefixes.Add($"http://127.0.0.1:{_port}/hook/");
        webhook.Start();
        var received = ReceiveOneAsync(webhook);
        _host.Clock.Advance(TimeSpan.FromMinutes(1));

        // The webhook answers the first attempt: no retry delay to move through.
        var afterRecovery = await dispatcher.DeliverDueAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        var (body, signature) = await received.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, afterRecovery);
        Assert.Contains("\"text\"", body, StringComparison.Ordinal);
        Assert.Contains("urgent (crisis)", body, StringComparison.Ordinal);
        Assert.DoesNotContain("kill", body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(WebhookSender.Sign(body, Secret), signature);
        Assert.Equal(0, await dispatcher.DeliverDueAsync(CancellationToken.None));
    }

    private static async Task<(string Body, string? Signature)> ReceiveOneAsync(HttpListener listener)
    {
        var context = await listener.GetContextAsync();
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var signature = context.Request.Headers[WebhookSender.SignatureHeader];
        context.Response.StatusCode = 200;
        context.Response.Close();
        return (body, signature);
    }

    public void Dispose() => _host.Dispose();
}
