using ClinicBot.Channels.BotFramework.Turns;
using ClinicBot.Channels.Inbox;
using ClinicBot.Channels.Sms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ClinicBot.Storage.Tests.Contracts;

/// <summary>
/// The inboxes' leases (SMS MessageSids, Bot Framework activities), as several hosts on one database see them: a row
/// another live host runs is InFlight, one whose lease expired is taken over (Unfinished, the new host its owner), a
/// renewed lease keeps the others out, and recovery takes only expired rows, never the same row on two hosts.
/// </summary>
public abstract class InboxLeaseContract(StorageBackend backend) : StorageContract(backend)
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    private readonly FakeTimeProvider _time = new(At);

    [Fact]
    public async Task Sms_ClaimOnTwoHosts_InFlightWithinTheLease_TakenOverOnceExpired_FinishedAfter()
    {
        var (a, b) = (SmsInbox(NewLeasedHost("host-a")), SmsInbox(NewLeasedHost("host-b")));
        var sid = NewId("SM");

        Assert.Equal(InboundClaim.New, await ClaimAsync(a, sid, At));
        Assert.Equal(InboundClaim.InFlight, await ClaimAsync(b, sid, At.AddSeconds(10)));
        Assert.Equal(InboundClaim.Unfinished, await ClaimAsync(a, sid, At.AddSeconds(11)));

        // a's lease (renewed by its own claim at 11 s) runs out at 41 s: b takes the text over, and a is then kept out.
        Assert.Equal(InboundClaim.InFlight, await ClaimAsync(b, sid, At.AddSeconds(40)));
        Assert.Equal(InboundClaim.Unfinished, await ClaimAsync(b, sid, At.AddSeconds(42)));
        Assert.False(await a.RenewMessageAsync(sid, At.AddSeconds(43), default));
        Assert.Equal(InboundClaim.InFlight, await ClaimAsync(a, sid, At.AddSeconds(44)));

        await b.FinishMessageAsync(sid, At.AddSeconds(45), default);
        Assert.Equal(InboundClaim.Finished, await ClaimAsync(a, sid, At.AddSeconds(46)));
        Assert.Equal(InboundClaim.Finished, await ClaimAsync(b, sid, At.AddMinutes(5)));
        Assert.False(await b.RenewMessageAsync(sid, At.AddSeconds(47), default));
    }

    [Fact]
    public async Task Sms_LeaseRenewed_KeepsTheOtherHostOutPastTheFirstLease()
    {
        var (a, b) = (SmsInbox(NewLeasedHost("host-a")), SmsInbox(NewLeasedHost("host-b")));
        var sid = NewId("SM");

        Assert.Equal(InboundClaim.New, await ClaimAsync(a, sid, At));
        Assert.True(await a.RenewMessageAsync(sid, At.AddSeconds(20), default));
        Assert.True(await a.RenewMessageAsync(sid, At.AddSeconds(40), default));

        Assert.Equal(InboundClaim.InFlight, await ClaimAsync(b, sid, At.AddSeconds(65)));
        Assert.Equal(InboundClaim.Unfinished, await ClaimAsync(b, sid, At.AddSeconds(71)));
    }

    [Fact]
    public async Task Sms_TakeExpired_TakesOnlyExpiredUnfinishedRows_OldestFirst_AndSetsItsOwner()
    {
        var settings = Backend.NewDatabase();
        var (a, b) = (SmsInbox(NewLeasedHost("host-a", settings)), SmsInbox(NewLeasedHost("host-b", settings)));
        var (dead, live, done) = (NewId("SM-dead"), NewId("SM-live"), NewId("SM-done"));
        await ClaimAsync(a, dead, At);
        await ClaimAsync(a, live, At.AddSeconds(1));
        await ClaimAsync(a, done, At.AddSeconds(2));
        await a.KeepReplyAsync(dead, "reply-enc", default);
        await a.FinishMessageAsync(done, At.AddSeconds(3), default);

        Assert.Empty(await b.TakeExpiredAsync(At.AddSeconds(20), 10, default));
        Assert.True(await a.RenewMessageAsync(live, At.AddSeconds(25), default));

        var taken = await b.TakeExpiredAsync(At.AddSeconds(35), 10, default);
        Assert.Equal([new UnfinishedMessage(dead, "hash", "from-enc", "body-enc", At, "reply-enc")], taken);
        Assert.Empty(await b.TakeExpiredAsync(At.AddSeconds(36), 10, default));
        Assert.Empty(await a.TakeExpiredAsync(At.AddSeconds(36), 10, default));
        Assert.Equal(InboundClaim.InFlight, await ClaimAsync(a, dead, At.AddSeconds(37)));
        Assert.Equal(InboundClaim.Unfinished, await ClaimAsync(b, dead, At.AddSeconds(38)));

        // Once a's lease on the other one lapses too (no renewal since 25 s), it is b's as well.
        Assert.Equal([live], (await b.TakeExpiredAsync(At.AddSeconds(56), 10, default)).Select(m => m.MessageSid));
    }

    [Fact]
    public async Task Sms_RowWithoutLease_WrittenBeforeLeases_CountsAsExpired()
    {
        var settings = Backend.NewDatabase();
        var host = NewLeasedHost("host-a", settings);
        var inbox = SmsInbox(host);
        var sid = NewId("SM-old");
        await ClaimAsync(inbox, sid, At);
        new DatabaseRows(host).Execute($"UPDATE sms_inbound SET lease_owner = NULL, lease_until = NULL WHERE message_sid = '{sid}'");

        Assert.Equal(InboundClaim.Unfinished, await ClaimAsync(SmsInbox(NewLeasedHost("host-b", settings)), sid, At.AddSeconds(1)));
        new DatabaseRows(host).Execute($"UPDATE sms_inbound SET lease_owner = NULL, lease_until = NULL WHERE message_sid = '{sid}'");
        Assert.Equal([sid], (await inbox.TakeExpiredAsync(At.AddSeconds(2), 10, default)).Select(m => m.MessageSid));
    }

    [Fact]
    public async Task Sms_TwoHostsRecoveringAtOnce_NeverTakeTheSameRow()
    {
        var settings = Backend.NewDatabase();
        var dead = SmsInbox(NewLeasedHost("host-dead", settings));
        var sids = Enumerable.Range(0, 24).Select(i => NewId($"SM{i:00}")).ToList();
        foreach (var (sid, i) in sids.Select((s, i) => (s, i))) await ClaimAsync(dead, sid, At.AddMilliseconds(i));
        var hosts = new[] { NewLeasedHost("host-b", settings), NewLeasedHost("host-c", settings) };

        var taken = await RaceAsync(hosts, 2, async (host, _) =>
        {
            var inbox = SmsInbox(host);
            var mine = new List<string>();
            IReadOnlyList<UnfinishedMessage> batch;
            while ((batch = await inbox.TakeExpiredAsync(At.AddMinutes(1), 1, default)).Count > 0)
            {
                mine.Add(Assert.Single(batch).MessageSid);
            }

            return mine;
        });

        var all = taken.SelectMany(t => t).ToList();
        Assert.Equal(sids.Order(StringComparer.Ordinal), all.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Activity_ClaimOnTwoHosts_InFlightWithinTheLease_TakenOverOnceExpired_RenewalKeepsOthersOut()
    {
        var (a, b) = (ActivityInbox(NewLeasedHost("host-a")), ActivityInbox(NewLeasedHost("host-b")));
        var (scope, key) = (NewId("scope"), NewId("key"));
        const string Json = """{"type":"message","text":"is it safe?"}""";

        Assert.Equal(InboundClaim.New, await a.ClaimAsync("directline:conversation", key, scope, Json, default));
        _time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(InboundClaim.InFlight, await b.ClaimAsync("directline:conversation", key, scope, Json, default));
        Assert.True(await a.RenewAsync(key, default));
        _time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(InboundClaim.InFlight, await b.ClaimAsync("directline:conversation", key, scope, Json, default));
        Assert.Empty(await b.TakeExpiredAsync(scope, 10, default));

        _time.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(InboundClaim.Unfinished, await b.ClaimAsync("directline:conversation", key, scope, Json, default));
        Assert.False(await a.RenewAsync(key, default));
        Assert.Equal(InboundClaim.InFlight, await a.ClaimAsync("directline:conversation", key, scope, Json, default));

        await b.FinishAsync(key, default);
        Assert.Equal(InboundClaim.Finished, await a.ClaimAsync("directline:conversation", key, scope, Json, default));
        Assert.False(await b.RenewAsync(key, default));
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Empty(await a.TakeExpiredAsync(scope, 10, default));
    }

    [Fact]
    public async Task Activity_TakeExpired_OnlyExpiredRowsOfItsScope_OldestFirst_AndTwoHostsAtOnceNeverTakeTheSameRow()
    {
        var dead = ActivityInbox(NewLeasedHost("host-dead"));
        var (scope, other) = (NewId("scope"), NewId("other-scope"));
        var keys = Enumerable.Range(0, 24).Select(i => NewId($"key{i:00}")).ToList();
        foreach (var key in keys)
        {
            await dead.ClaimAsync("directline:conversation", key, scope, $$"""{"id":"{{key}}"}""", default);
            _time.Advance(TimeSpan.FromMilliseconds(1));
        }

        await dead.ClaimAsync("directline:conversation", NewId("key"), other, "{}", default);
        var hosts = new[] { NewLeasedHost("host-b"), NewLeasedHost("host-c") };
        Assert.Empty(await ActivityInbox(hosts[0]).TakeExpiredAsync(scope, 10, default));

        _time.Advance(Lease);
        var taken = await RaceAsync(hosts, 2, async (host, _) =>
        {
            var inbox = ActivityInbox(host);
            var mine = new List<string>();
            IReadOnlyList<string> batch;
            while ((batch = await inbox.TakeExpiredAsync(scope, 1, default)).Count > 0) mine.Add(Assert.Single(batch));
            return mine;
        });

        var all = taken.SelectMany(t => t).ToList();
        Assert.Equal(keys.Select(k => $$"""{"id":"{{k}}"}""").Order(StringComparer.Ordinal), all.Order(StringComparer.Ordinal));
        Assert.All(taken, mine => Assert.Equal(mine.Order(StringComparer.Ordinal), mine));
        Assert.Equal(InboundClaim.InFlight, await dead.ClaimAsync("directline:conversation", keys[0], scope, "{}", default));
    }

    [Fact]
    public async Task Activity_HostRestartedUnderItsOwnId_RunsWhatItsPreviousLifeLeftAtOnce_AnotherHostWaitsForTheLease()
    {
        var settings = Backend.NewDatabase();
        var (scope, key) = (NewId("scope"), NewId("key"));
        var owner = NewId("host-a");
        var previousLife = ActivityInbox(NewHostUnder(new InboxLease(owner, Lease) { Started = _time.GetUtcNow() }, settings));
        await previousLife.ClaimAsync("directline:conversation", key, scope, """{"text":"i took all my pills"}""", default);
        _time.Advance(TimeSpan.FromSeconds(5));

        // The process died 5 s into its lease and came back under the same Inbox:HostId: the row is its own, from before.
        var restarted = ActivityInbox(NewHostUnder(new InboxLease(owner, Lease) { Started = _time.GetUtcNow() }, settings));
        var otherHost = ActivityInbox(NewHostUnder(new InboxLease(NewId("host-b"), Lease) { Started = _time.GetUtcNow() }, settings));
        Assert.Empty(await otherHost.TakeExpiredAsync(scope, 10, default));
        Assert.Equal(["""{"text":"i took all my pills"}"""], await restarted.TakeExpiredAsync(scope, 10, default));

        // Now under the restarted life's live lease: neither its own recovery nor another host takes it again.
        Assert.Empty(await restarted.TakeExpiredAsync(scope, 10, default));
        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.Empty(await otherHost.TakeExpiredAsync(scope, 10, default));
        Assert.Empty(await restarted.TakeExpiredAsync(scope, 10, default));
    }

    private ServiceProvider NewLeasedHost(string owner, IReadOnlyDictionary<string, string?>? settings = null) =>
        NewHostUnder(new InboxLease(owner + "-" + Guid.NewGuid().ToString("N"), Lease), settings);

    private ServiceProvider NewHostUnder(InboxLease lease, IReadOnlyDictionary<string, string?>? settings) =>
        NewHost(settings, services => services.AddSingleton<TimeProvider>(_time).AddSingleton(lease));

    private static ISmsInboxStore SmsInbox(IServiceProvider host) => host.GetRequiredService<ISmsInboxStore>();

    private static IActivityInbox ActivityInbox(IServiceProvider host) => host.GetRequiredService<IActivityInbox>();

    private static Task<InboundClaim> ClaimAsync(ISmsInboxStore inbox, string sid, DateTimeOffset now) =>
        inbox.ClaimMessageAsync(sid, "hash", "from-enc", "body-enc", now, default);
}
