using ClinicBot.Conversations.State;
using ClinicBot.Conversations.Turns;
using ClinicBot.Prompts;

namespace ClinicBot.Conversations.Tests.Turns;

/// <summary>
/// A browser's language says nothing of what its user types: the patient's own words decide the reply's language, and
/// the conversation keeps it for what comes later (staff notices among them).
/// </summary>
public sealed class TurnLanguageTests(EngineFixture engine) : IClassFixture<EngineFixture>
{
    [Fact]
    public async Task Handle_SpanishCrisisFromABrowserSetToEnglish_GetsTheSpanishCrisisReply()
    {
        var conversation = "lang-" + Guid.NewGuid().ToString("N");

        var reply = await engine.Pipeline.HandleAsync(new TurnRequest(conversation, Channel.Web, "en-US", "ya no quiero vivir, tengo las pastillas aquí conmigo"));

        Assert.Equal(Routes.Crisis, reply.Route);
        Assert.Contains("988", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Usted merece apoyo", reply.Text, StringComparison.Ordinal);
        Assert.Equal(Locales.Spanish, (await engine.Get<IConversationStore>().GetAsync(conversation, CancellationToken.None)).Locale);
    }

    [Fact]
    public async Task Handle_ShortMessageAfterSpanish_KeepsSpanish()
    {
        var conversation = "lang-" + Guid.NewGuid().ToString("N");
        await engine.Pipeline.HandleAsync(new TurnRequest(conversation, Channel.Web, "en-US", "¿Cuánto dura una sesión de ketamina?"));

        await engine.Pipeline.HandleAsync(new TurnRequest(conversation, Channel.Web, "en-US", "ok"));

        Assert.Equal(Locales.Spanish, (await engine.Get<IConversationStore>().GetAsync(conversation, CancellationToken.None)).Locale);
    }

    [Fact]
    public async Task Handle_EnglishFromABrowserSetToSpanish_IsAnsweredInEnglish()
    {
        var conversation = "lang-" + Guid.NewGuid().ToString("N");

        await engine.Pipeline.HandleAsync(new TurnRequest(conversation, Channel.Web, "es-MX", "How long does a ketamine session take?"));

        Assert.Equal(Locales.English, (await engine.Get<IConversationStore>().GetAsync(conversation, CancellationToken.None)).Locale);
    }
}
