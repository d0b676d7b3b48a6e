using ClinicBot.Conversations.Delivery;
using ClinicBot.Conversations.State;
using ClinicBot.Prompts;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicBot.Storage.Tests.Contracts;

/// <summary>What every <see cref="IConversationStore"/> does: transcripts in order, state, addresses, and no lost or doubled entry with two writers.</summary>
public abstract class ConversationStoreContract(StorageBackend backend) : StorageContract(backend)
{
    [Fact]
    public async Task Append_ThreeEntries_TranscriptReturnsThemInOrderWithEveryField()
    {
        var store = Get<IConversationStore>();
        var id = NewId("web");

        await store.AppendAsync(id, Channel.Web, new TranscriptEntry("patient", "what is it like?", null, [], At), default);
        await store.AppendAsync(id, Channel.Web, new TranscriptEntry("bot", "A session lasts...", "answer", ["what-to-expect", "science"], At.AddSeconds(1)), default);
        await store.AppendAsync(id, Channel.Web, new TranscriptEntry("staff:nurse@clinic.example", "Hello", null, [], At.AddSeconds(2)), default);

        var transcript = await store.TranscriptAsync(id, default);
        Assert.Equal(["patient", "bot", "staff:nurse@clinic.example"], transcript.Select(e => e.Author));
        Assert.Equal("answer", transcript[1].Route);
        Assert.Equal(["what-to-expect", "science"], transcript[1].Sources);
        Assert.Null(transcript[0].Route);
        Assert.Equal(At.AddSeconds(1), transcript[1].At);
        Assert.Empty(await store.TranscriptAsync(NewId("none"), default));
    }

    [Fact]
    public async Task Append_FromTwoHostsAtOnce_KeepsEveryEntryOnce()
    {
        var hosts = new[] { NewHost(), NewHost() };
        var id = NewId("sms");

        await RaceAsync(hosts, 40, async (host, i) =>
        {
            await host.GetRequiredService<IConversationStore>().AppendAsync(id, Channel.Sms, new TranscriptEntry("patient", $"message {i}", null, [], At), default);
            return i;
        });

        var texts = (await hosts[1].GetRequiredService<IConversationStore>().TranscriptAsync(id, default)).Select(e => e.Text).ToList();
        Assert.Equal(40, texts.Count);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"message {i}").Order(), texts.Order());
    }

    [Fact]
    public async Task Get_AfterCrisisHandlerLocaleAndReply_ReturnsTheFirstCrisisAndTheLatest()
    {
        var store = Get<IConversationStore>();
        var id = NewId("web");
        Assert.Null((await store.GetAsync(id, default)).CrisisSince);

        await store.AppendAsync(id, Channel.Web, new TranscriptEntry("bot", "Please call 988", "crisis", [], At), default);
        await store.AppendAsync(id, Channel.Web, new TranscriptEntry("bot", "Here is what we know", "answer", [], At.AddSeconds(1)), default);
        await store.MarkCrisisAsync(id, At, default);
        await store.MarkCrisisAsync(id, At.AddHours(1), default);
        await store.SetHandlerAsync(id, "nurse@clinic.example", default);
        await store.SetLocaleAsync(id, "es", default);

        var state = await store.GetAsync(id, default);
        Assert.Equal(At, state.CrisisSince);
        Assert.Equal("answer", state.LastBotRoute);
        Assert.Equal("nurse@clinic.example", state.HeldBy);
        Assert.Equal("es", state.Locale);

        await store.SetHandlerAsync(id, null, default);
        Assert.Null((await store.GetAsync(id, default)).HeldBy);
    }

    [Fact]
    public async Task SetAddress_NewThenChanged_AddressReturnsTheLatest()
    {
        var store = Get<IConversationStore>();
        var id = NewId("directline");
        Assert.Null(await store.AddressAsync(id, default));

        await store.SetAddressAsync(id, Channel.Web, new ChannelAddress("directline", "dl-1"), At, default);
        Assert.Equal(new ChannelAddress("directline", "dl-1"), await store.AddressAsync(id, default));

        await store.SetAddressAsync(id, Channel.Web, new ChannelAddress("botframework", id), At, default);
        Assert.Equal(new ChannelAddress("botframework", id), await NewHost().GetRequiredService<IConversationStore>().AddressAsync(id, default));
    }
}
