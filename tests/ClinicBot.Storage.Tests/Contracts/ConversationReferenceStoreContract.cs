using ClinicBot.Channels.BotFramework.Activities;
using ClinicBot.Channels.BotFramework.Delivery;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicBot.Storage.Tests.Contracts;

/// <summary>What every <see cref="IConversationReferenceStore"/> does: the latest reference, readable from any host.</summary>
public abstract class ConversationReferenceStoreContract(StorageBackend backend) : StorageContract(backend)
{
    [Fact]
    public async Task Save_TwiceForOneConversation_FindReturnsTheLatest()
    {
        var store = Get<IConversationReferenceStore>();
        var key = NewId("msteams:conversation");

        await store.SaveAsync(key, Reference(key, "https://smba.example/1/"), default);
        await store.SaveAsync(key, Reference(key, "https://smba.example/2/"), default);

        var found = await NewHost().GetRequiredService<IConversationReferenceStore>().FindAsync(key, default);
        Assert.Equal("https://smba.example/2/", found!.ServiceUrl);
        Assert.Equal(key, found.Conversation!.Id);
        Assert.Null(await store.FindAsync(NewId("unknown"), default));
    }

    private static Activity Reference(string conversation, string serviceUrl) =>
        new() { Type = ActivityTypes.Message, ServiceUrl = serviceUrl, Conversation = new ConversationAccount(conversation) };
}
