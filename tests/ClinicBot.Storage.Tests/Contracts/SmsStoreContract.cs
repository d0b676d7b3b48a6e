using ClinicBot.Channels.Inbox;
using ClinicBot.Channels.Sms;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicBot.Storage.Tests.Contracts;

/// <summary>What every SMS store does: one turn per MessageSid whichever host Twilio reaches; subscribers and opt-outs.</summary>
public abstract class SmsStoreContract(StorageBackend backend) : StorageContract(backend)
{
    [Fact]
    public async Task ClaimMessage_ThenFinish_NewUnfinishedThenFinished()
    {
        var inbox = Get<ISmsInboxStore>();
        var sid = NewId("SM");

        Assert.Equal(InboundClaim.New, await inbox.ClaimMessageAsync(sid, "hash", "from-enc", "body-enc", At, default));
        Assert.Equal(InboundClaim.Unfinished, await inbox.ClaimMessageAsync(sid, "hash", "from-enc", "body-enc", At, default));
        Assert.Equal(InboundClaim.InFlight, await NewOtherHost().GetRequiredService<ISmsInboxStore>().ClaimMessageAsync(sid, "hash", "from-enc", "body-enc", At, default));
        await inbox.KeepReplyAsync(sid, "reply-enc", default);
        Assert.Equal(new UnfinishedMessage(sid, "hash", "from-enc", "body-enc", At, "reply-enc"), Assert.Single(await inbox.UnfinishedAsync(default), m => m.MessageSid == sid));

        await inbox.FinishMessageAsync(sid, At.AddSeconds(2), default);
        Assert.Equal(InboundClaim.Finished, await inbox.ClaimMessageAsync(sid, "hash", "from-enc", "body-enc", At, default));
        Assert.DoesNotContain(await inbox.UnfinishedAsync(default), m => m.MessageSid == sid);
    }

    [Fact]
    public async Task ClaimMessage_SameSidOnTwoHostsAtOnce_OneNew_TheOtherHostInFlight()
    {
        var sid = NewId("SM");
        var hosts = new[] { NewOtherHost(), NewOtherHost() };

        var claims = await RaceAsync(hosts, 8, (host, _) =>
            host.GetRequiredService<ISmsInboxStore>().ClaimMessageAsync(sid, "hash", "from-enc", "body-enc", At, default));

        // The winner's host holds the lease (its own retries resume it); the other host's claims find it in flight.
        var winner = Array.IndexOf(claims, InboundClaim.New) % 2;
        Assert.Single(claims, c => c == InboundClaim.New);
        Assert.All(claims.Where((_, i) => i % 2 != winner), c => Assert.Equal(InboundClaim.InFlight, c));
        Assert.All(claims.Where((c, i) => i % 2 == winner && c != InboundClaim.New), c => Assert.Equal(InboundClaim.Unfinished, c));
    }

    [Fact]
    public async Task Ensure_TwiceThenOptOutAndLocale_KeepsOneSubscriberWithItsState()
    {
        var store = Get<ISmsSubscriberStore>();
        var hash = NewId("hash");
        var conversation = NewId("sms");

        var first = await store.EnsureAsync(hash, conversation, () => "enc-1", "(•••) •••-0199", At, default);
        var second = await NewHost().GetRequiredService<ISmsSubscriberStore>().EnsureAsync(hash, NewId("sms"), () => "enc-2", "other", At, default);
        Assert.Equal(new SmsSubscriber(hash, conversation, "enc-1", "(•••) •••-0199", null, false, null), first);
        Assert.Equal(first, second);

        Assert.True(await store.SetOptedOutAsync(hash, true, At.AddMinutes(1), default));
        Assert.False(await store.SetOptedOutAsync(hash, true, At.AddMinutes(2), default));
        await store.SetLocaleAsync(hash, "es", At, default);
        Assert.Equal(first with { OptedOut = true, OptedOutAt = At.AddMinutes(1), Locale = "es" }, await store.FindByConversationAsync(conversation, default));

        Assert.True(await store.SetOptedOutAsync(hash, false, At.AddMinutes(3), default));
        Assert.Equal(first with { Locale = "es" }, await store.FindByHashAsync(hash, default));
        Assert.Null(await store.FindByHashAsync(NewId("unknown"), default));
    }
}
