using ClinicBot.Conversations.Turns;
using ClinicBot.Prompts;

namespace ClinicBot.Conversations.Tests.Turns;

/// <summary>Crisis state belongs to the conversation: once raised, later replies keep the resources.</summary>
public sealed class CrisisStateTests(EngineFixture engine) : IClassFixture<EngineFixture>
{
    [Fact]
    public async Task Handle_EducationAfterCrisis_KeepsCrisisResourcesInsteadOfAnswering()
    {
        var conversation = "crisis-" + Guid.NewGuid().ToString("N");
        var first = await engine.Pipeline.HandleAsync(new TurnRequest(conversation, Channel.Web, "en", "how long is a session? i dont think ill still be here by then"));
        var second = await engine.Pipeline.HandleAsync(new TurnRequest(conversation, Channel.Web, "en", "What are the common side effects?"));

        Assert.Equal(Routes.Crisis, first.Route);
        Assert.Equal(Routes.Crisis, second.Route);
        Assert.Contains("988", second.Text, StringComparison.Ordinal);
        Assert.Empty(second.Sources);
    }

    [Fact]
    public async Task Handle_EducationInOtherConversation_IsAnsweredNormally()
    {
        await engine.Pipeline.HandleAsync(new TurnRequest("crisis-" + Guid.NewGuid().ToString("N"), Channel.Web, "en", "I want to kill myself"));

        var reply = await engine.Pipeline.HandleAsync(new TurnRequest("calm-" + Guid.NewGuid().ToString("N"), Channel.Web, "en", "What are the common side effects?"));

        Assert.Equal(Routes.Answer, reply.Route);
    }

    [Fact]
    public async Task Handle_AnyMessage_IsInTheTranscriptWithTheBotsRoute()
    {
        var conversation = "transcript-" + Guid.NewGuid().ToString("N");
        await engine.Pipeline.HandleAsync(new TurnRequest(conversation, Channel.Sms, "en", "Can I talk to a real person please?"));

        var transcript = await engine.TranscriptAsync(conversation);

        Assert.Collection(transcript,
            patient => Assert.Equal(("patient", "Can I talk to a real person please?"), (patient.Author, patient.Text)),
            bot => Assert.Equal(("bot", Routes.Human), (bot.Author, bot.Route)));
    }

    [Theory]
    [InlineData("en", "yes please")]
    [InlineData("es", "Sí, por favor")]
    public async Task Handle_AcceptingOfferAfterAbstain_EscalatesToStaff(string locale, string acceptance)
    {
        var conversation = "offer-" + Guid.NewGuid().ToString("N");
        var abstain = await engine.Pipeline.HandleAsync(new TurnRequest(conversation, Channel.Web, locale, "Is ketamine addictive?"));
        var accepted = await engine.Pipeline.HandleAsync(new TurnRequest(conversation, Channel.Web, locale, acceptance));

        Assert.Equal(Routes.Abstain, abstain.Route);
        Assert.Equal(Routes.Human, accepted.Route);
        Assert.Equal(new EscalationSummary("normal", "low_confidence"), accepted.Escalation);
    }

    [Fact]
    public async Task Handle_YesWithoutAnOffer_IsNotAnEscalation()
    {
        var reply = await engine.Pipeline.HandleAsync(new TurnRequest("plain-" + Guid.NewGuid().ToString("N"), Channel.Web, "en", "yes please"));

        Assert.Null(reply.Escalation);
    }
}
