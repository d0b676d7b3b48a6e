using System.Net;
using System.Net.Http.Json;
using ClinicBot.Host.Tests.Fixtures;
using ClinicBot.Staff.Accounts;
using ClinicBot.Staff.Console;
using ClinicBot.Staff.Queue;
using ClinicBot.Storage.Postgres;
using ClinicBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static ClinicBot.Host.Tests.Fixtures.ActivityBuilder;

namespace ClinicBot.Host.Tests.Storage;

/// <summary>
/// The real web host with <c>Storage:Provider</c> <c>postgres</c> on a real PostgreSQL server: two hosts on one database,
/// as two instances behind a load balancer. It becomes ready, a channel's retry of an activity one answered gets nothing
/// from the other, an escalation raised on one is in the other's queue and reaches its console's live stream, and a
/// staff account disabled on one is signed out on the other at its next request.
/// </summary>
public sealed class PostgresHostTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    private static readonly string SigningKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    [Fact]
    public async Task Messages_ActivityAnsweredOnOneHostRetriedOnTheOther_NotAnsweredAgain()
    {
        var database = server.CreateDatabase("hosts");
        await using var first = Host(database);
        await using var second = Host(database);
        var activity = Message("What are the side effects of ketamine therapy?", expectReplies: true, conversationId: "conv-" + Guid.NewGuid().ToString("N"));

        var answered = await (await first.ReadyClientAsync()).PostAsJsonAsync("/api/messages", activity);
        var retried = await (await second.ReadyClientAsync()).PostAsJsonAsync("/api/messages", activity);

        answered.EnsureSuccessStatusCode();
        retried.EnsureSuccessStatusCode();
        Assert.Equal("answer", (string?)ReplyEntity(Assert.Single(await RepliesAsync(answered))!)["route"]);
        Assert.Empty(await RepliesAsync(retried));
    }

    [Fact]
    public async Task Messages_CrisisOnOneHost_EscalationInTheOtherHostsQueueAndLiveOnItsConsole()
    {
        var database = server.CreateDatabase("hosts");
        await using var first = Host(database);
        await using var second = Host(database);
        var client = await first.ReadyClientAsync();
        await second.ReadyClientAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await second.Services.GetRequiredService<PostgresQueueEventListener>().Listening.WaitAsync(patience.Token);
        var live = FirstRaisedAsync(second.Services.GetRequiredService<QueueEvents>(), patience.Token);
        var conversation = "conv-" + Guid.NewGuid().ToString("N");

        var response = await client.PostAsJsonAsync("/api/messages", Message("I want to kill myself", expectReplies: true, conversationId: conversation));
        response.EnsureSuccessStatusCode();

        var queue = await second.Services.GetRequiredService<IEscalationStore>().ListAsync(new EscalationFilter(), default);
        var escalation = Assert.Single(queue, e => e.ConversationId.EndsWith(conversation, StringComparison.Ordinal));
        Assert.Equal("urgent", escalation.Priority);
        Assert.Equal(escalation.Id, (await live).EscalationId);
    }

    [Fact]
    public async Task StaffSession_AccountDisabledOnOneHost_EndsAtOnceOnTheOther_AndFailuresCountOnBoth()
    {
        const string Password = "correct horse battery staple";
        var database = server.CreateDatabase("hosts");
        await using var first = Host(database);
        await using var second = Host(database);
        var client = await first.ReadyClientAsync();
        await second.ReadyClientAsync();
        var accounts = second.Services.GetRequiredService<StaffAccountService>();
        Assert.Null(await accounts.CreateAsync("joy@clinic.example", "Nurse Joy", Password, default));
        Assert.Null(await accounts.CreateAsync("ana@clinic.example", "Ana", Password, default));

        Assert.Equal(HttpStatusCode.OK, (await StaffSignIn.PostAsync(client, "joy@clinic.example", Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/staff/me")).StatusCode);
        Assert.Null(await accounts.DisableAsync("joy@clinic.example", default));
        var afterDisable = await client.GetAsync("/api/staff/me");
        for (var i = 0; i < 5; i++) await StaffSignIn.PostAsync(first.CreateClient(), "ana@clinic.example", "not the password " + i);
        var onTheOther = await StaffSignIn.PostAsync(second.CreateClient(), "ana@clinic.example", Password);

        Assert.Equal(HttpStatusCode.Unauthorized, afterDisable.StatusCode);
        Assert.Equal((HttpStatusCode)429, onTheOther.StatusCode);
    }

    [Fact]
    public void Start_PostgresWithoutTokenSigningKey_FailsNamingTheSetting()
    {
        using var host = Host(server.CreateDatabase("nokey"));
        host.Settings.Remove("WebChat:TokenSigningKey");

        var failure = Assert.Throws<OptionsValidationException>(() => host.CreateClient());

        Assert.Contains("WebChat:TokenSigningKey", failure.Message);
    }

    [Fact]
    public void Start_PostgresWithoutDataKey_FailsNamingTheSettingInDevelopmentToo()
    {
        using var host = Host(server.CreateDatabase("nodatakey"));
        host.Settings.Remove("Privacy:DataKey");

        var failure = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        Assert.Contains("Privacy:DataKey is required with Storage:Provider postgres", failure.ToString(), StringComparison.Ordinal);
    }

    private static async Task<QueueEvent> FirstRaisedAsync(QueueEvents events, CancellationToken cancellationToken)
    {
        await foreach (var queueEvent in events.SubscribeAsync(cancellationToken))
        {
            if (queueEvent.Kind == "raised") return queueEvent;
        }

        throw new InvalidOperationException("The subscription ended without a raised escalation.");
    }

    private static HostFactory Host(string connectionString)
    {
        var host = new HostFactory();
        host.Settings["Storage:Provider"] = "postgres";
        host.Settings["ConnectionStrings:ClinicBot"] = connectionString;
        host.Settings["WebChat:TokenSigningKey"] = SigningKey;
        host.Settings["Privacy:DataKey"] = SigningKey;
        host.Settings["Warmup:Turns"] = "false";
        return host;
    }
}
