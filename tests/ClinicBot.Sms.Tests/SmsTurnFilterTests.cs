using ClinicBot.Channels.Sms;
using ClinicBot.Conversations.Turns;
using ClinicBot.Prompts;
using ClinicBot.Sms.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using static ClinicBot.Sms.Tests.Fixtures.SmsHostFactory;

namespace ClinicBot.Sms.Tests;

/// <summary>
/// The SMS rules as Azure Bot Service's SMS channel reaches them (<see cref="SmsTurnFilter"/>, conversation id
/// <c>sms:{number}</c>): a turn that fails gets the safety net's reply under the same opt-out rule as any other.
/// </summary>
public sealed class SmsTurnFilterTests(SmsHostFactory host) : IClassFixture<SmsHostFactory>
{
    [Fact]
    public async Task FailedTurn_OptedOutNumber_SafetyNetTextsOnlyTheCrisisReply()
    {
        await host.ReadyClientAsync();
        var filter = host.Services.GetRequiredService<SmsTurnFilter>();
        var pipeline = host.Services.GetRequiredService<TurnPipeline>();
        var conversation = "sms:" + NewNumber();

        var stop = await filter.HandleAsync(Text(conversation, "STOP"), pipeline.HandleAsync, CancellationToken.None);
        var person = await filter.HandleAsync(Text(conversation, "can someone call me back about my appointment"), Fails, CancellationToken.None);
        var crisis = await filter.HandleAsync(Text(conversation, "i want to end my life"), Fails, CancellationToken.None);

        Assert.Equal(SmsRoutes.OptOut, stop.Route);
        Assert.Equal(Routes.Human, person.Route);
        Assert.Empty(person.Text);
        Assert.Equal(Routes.Crisis, crisis.Route);
        Assert.Contains("988", crisis.Text, StringComparison.Ordinal);
        Assert.Equal(1, SmsSegments.Count(crisis.Text));
    }

    [Fact]
    public async Task FailedTurn_SubscribedNumber_GetsTheSafetyNetReply()
    {
        await host.ReadyClientAsync();
        var filter = host.Services.GetRequiredService<SmsTurnFilter>();

        var reply = await filter.HandleAsync(Text("sms:" + NewNumber(), "what are the side effects"), Fails, CancellationToken.None);

        Assert.Equal(Routes.Fallback, reply.Route);
        Assert.NotEmpty(reply.Text);
    }

    private static TurnRequest Text(string conversationId, string text) => new(conversationId, Channel.Sms, "en", text);

    private static Task<Reply> Fails(TurnRequest request, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("The database is gone.");
}
