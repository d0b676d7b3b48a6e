using ClinicBot.Channels.BotFramework.Turns;
using ClinicBot.Channels.Inbox;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicBot.Storage.Tests.Contracts;

/// <summary>What the Bot Framework ledger and inbox do: an activity sent to two hosts runs once; unfinished turns are found again.</summary>
public abstract class ActivityInboxContract(StorageBackend backend) : StorageContract(backend)
{
    [Fact]
    public async Task Ledger_SameKeyOnTwoHostsAtOnce_OneClaims()
    {
        var key = NewId("msteams:conversation:activity");
        var hosts = new[] { NewHost(), NewHost() };

        var claimed = await RaceAsync(hosts, 8, (host, _) => host.GetRequiredService<IActivityLedger>().TryClaimAsync("msteams:conversation", key, default));

        Assert.Single(claimed, c => c);
    }

    [Fact]
    public async Task Inbox_SameKeyOnTwoHostsAtOnce_OneNew_TheOtherHostInFlight()
    {
        var key = NewId("directline:conversation:activity");
        var hosts = new[] { NewOtherHost(), NewOtherHost() };

        var claims = await RaceAsync(hosts, 8, (host, _) => host.GetRequiredService<IActivityInbox>().ClaimAsync("directline:conversation", key, "directline", "{}", default));

        // The winner's host holds the lease (its own retries resume it); the other host's claims find it in flight.
        var winner = Array.IndexOf(claims, InboundClaim.New) % 2;
        Assert.Single(claims, c => c == InboundClaim.New);
        Assert.All(claims.Where((_, i) => i % 2 != winner), c => Assert.Equal(InboundClaim.InFlight, c));
        Assert.All(claims.Where((c, i) => i % 2 == winner && c != InboundClaim.New), c => Assert.Equal(InboundClaim.Unfinished, c));
    }

    [Fact]
    public async Task Inbox_ClaimThenFinish_ListedUnfinishedInItsScopeUntilFinished()
    {
        var inbox = Get<IActivityInbox>();
        var scope = NewId("scope");
        var key = NewId("key");
        var json = """{"type":"message","text":"is it safe?"}""";

        Assert.Equal(InboundClaim.New, await inbox.ClaimAsync("directline:conversation", key, scope, json, default));
        Assert.Equal(InboundClaim.Unfinished, await inbox.ClaimAsync("directline:conversation", key, scope, json, default));
        Assert.Equal(InboundClaim.InFlight, await NewOtherHost().GetRequiredService<IActivityInbox>().ClaimAsync("directline:conversation", key, scope, json, default));
        Assert.Equal([json], await NewHost().GetRequiredService<IActivityInbox>().UnfinishedAsync(scope, default));
        Assert.Empty(await inbox.UnfinishedAsync(NewId("other-scope"), default));

        await inbox.FinishAsync(key, default);
        Assert.Equal(InboundClaim.Finished, await inbox.ClaimAsync("directline:conversation", key, scope, json, default));
        Assert.Empty(await inbox.UnfinishedAsync(scope, default));
    }
}
