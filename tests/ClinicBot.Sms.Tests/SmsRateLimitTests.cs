using System.Net;
using ClinicBot.Sms.Tests.Fixtures;
using Microsoft.Data.Sqlite;
using static ClinicBot.Sms.Tests.Fixtures.SmsHostFactory;

namespace ClinicBot.Sms.Tests;

/// <summary>
/// The per-sender limit on the Twilio webhook (<c>RateLimits:SmsPerSender</c>, set low here): a text over it gets 429 with
/// Retry-After and is neither stored nor answered, another number still gets through, and forged texts naming a
/// patient's number do not use up that patient's limit (they count against the forger's address).
/// </summary>
public sealed class SmsRateLimitTests : IClassFixture<SmsHostFactory>
{
    private readonly SmsHostFactory _host;

    public SmsRateLimitTests(SmsHostFactory host)
    {
        _host = host;
        host.Settings["RateLimits:SmsPerSender:PermitLimit"] = "2";
    }

    [Fact]
    public async Task Webhook_OverTheSenderLimit_Returns429AndIsNotStored_WhileAnotherNumberGetsThrough()
    {
        var client = await _host.ReadyClientAsync();
        var number = NewNumber();
        var refusedSid = NewSid();

        var first = await client.SendAsync(Webhook(number, "what is ketamine therapy"));
        var second = await client.SendAsync(Webhook(number, "how long is a session"));
        var refused = await client.SendAsync(Webhook(number, "what does it cost", refusedSid));
        var other = await client.SendAsync(Webhook(NewNumber(), "what does it cost"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 }, "Retry-After in seconds");
        Assert.Contains("Too many texts from this number", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0L, await StoredAsync(refusedSid));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Webhook_CrisisOverTheSenderLimit_IsTakenAndStored()
    {
        var client = await _host.ReadyClientAsync();
        var number = NewNumber();
        var crisisSid = NewSid();

        await client.SendAsync(Webhook(number, "what is ketamine therapy"));
        await client.SendAsync(Webhook(number, "how long is a session"));
        var refused = await client.SendAsync(Webhook(number, "ok and the price"));
        var crisis = await client.SendAsync(Webhook(number, "sry 4 all the txts. i have the pills lined up tonite, cant do this anymore", crisisSid));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, crisis.StatusCode);
        Assert.Equal(1L, await StoredAsync(crisisSid));
    }

    [Fact]
    public async Task Webhook_ForgedTextsNamingAPatient_DoNotUseUpThePatientsLimit()
    {
        var client = await _host.ReadyClientAsync();
        var patient = NewNumber();

        for (var i = 0; i < 5; i++)
        {
            // Refused either way: 403 for the signature, or 429 once the forger's address has spent its own limit.
            Assert.Contains((await client.SendAsync(Webhook(patient, "spam", signature: "AAAAAAAAAAAAAAAAAAAAAAAAAAA="))).StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.TooManyRequests });
        }

        var sid = NewSid();
        var real = await client.SendAsync(Webhook(patient, "I don't want to be here anymore", sid));

        Assert.Equal(HttpStatusCode.OK, real.StatusCode);
        Assert.Equal(1L, await StoredAsync(sid));
    }

    private async Task<long> StoredAsync(string messageSid)
    {
        await using var connection = new SqliteConnection($"Data Source={_host.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sms_inbound WHERE message_sid = $sid";
        command.Parameters.AddWithValue("$sid", messageSid);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
