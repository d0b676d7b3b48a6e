using ClinicBot.Channels.DirectLine;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicBot.Storage.Tests.Contracts;

/// <summary>What every <see cref="IDirectLineStore"/> does: one conversation per id, activities once each, read after a growing watermark.</summary>
public abstract class DirectLineStoreContract(StorageBackend backend) : StorageContract(backend)
{
    [Fact]
    public async Task TryCreate_SameIdTwice_KeepsTheFirst()
    {
        var store = Get<IDirectLineStore>();
        var conversation = new DirectLineConversation(NewId("dl"), "user-1", "es-US", At);

        Assert.True(await store.TryCreateConversationAsync(conversation, default));
        Assert.False(await store.TryCreateConversationAsync(conversation with { UserId = "user-2" }, default));
        Assert.Equal(conversation, await store.FindConversationAsync(conversation.Id, default));
        Assert.Null(await store.FindConversationAsync(NewId("dl"), default));
    }

    [Fact]
    public async Task Append_ThreeActivitiesOneRepeated_ListsEachOnceAfterTheWatermark()
    {
        var store = Get<IDirectLineStore>();
        var conversation = NewId("dl");
        var first = await store.AppendAsync(conversation, NewId("a"), "message", """{"text":"hi"}""", At, default);
        var repeatedId = NewId("a");
        var second = await store.AppendAsync(conversation, repeatedId, "message", """{"text":"welcome"}""", At, default);
        var repeated = await store.AppendAsync(conversation, repeatedId, "message", """{"text":"welcome"}""", At, default);
        var third = await store.AppendAsync(conversation, NewId("a"), "typing", "{}", At, default);

        Assert.Equal(second, repeated);
        Assert.True(first < second && second < third);
        Assert.True(await store.ContainsAsync(repeatedId, default));
        Assert.False(await store.ContainsAsync(NewId("a"), default));
        Assert.Equal(third, await store.LatestAsync(conversation, default));
        Assert.Equal(-1, await store.LatestAsync(NewId("dl"), default));
        Assert.Equal([second, third], (await store.ListAsync(conversation, first, 10, default)).Select(a => a.Sequence));
        Assert.Equal(["message"], (await store.ListAsync(conversation, -1, 1, default)).Select(a => a.Type));
    }

    [Fact]
    public async Task Append_FromTwoHostsAtOnce_ListsEveryActivityOnceInSequenceOrder()
    {
        var conversation = NewId("dl");
        var hosts = new[] { NewHost(), NewHost() };

        var sequences = await RaceAsync(hosts, 30, (host, i) =>
            host.GetRequiredService<IDirectLineStore>().AppendAsync(conversation, $"{conversation}-{i}", "message", $$"""{"n":{{i}}}""", At, default));

        var listed = await Get<IDirectLineStore>().ListAsync(conversation, -1, 100, default);
        Assert.Equal(sequences.Order(), listed.Select(a => a.Sequence));
        Assert.Equal(30, sequences.Distinct().Count());
    }
}
