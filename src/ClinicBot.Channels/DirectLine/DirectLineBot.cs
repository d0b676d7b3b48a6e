using ClinicBot.Channels.BotFramework.Activities;
using ClinicBot.Channels.BotFramework.Turns;
using ClinicBot.Channels.Inbox;

namespace ClinicBot.Channels.DirectLine;

/// <summary>
/// The bot behind ClinicBot's Direct Line: the same <see cref="ActivityProcessor"/> as <c>/api/messages</c> (turn pipeline,
/// welcome, typing, fallback, duplicate detection), whose Connector calls stay in process.
/// </summary>
internal sealed class DirectLineBot(ActivityProcessor processor)
{
    /// <summary>The processor (its inbox scope is Direct Line's), for recovery at start-up.</summary>
    public ActivityProcessor Processor => processor;

    public Task ProcessAsync(Activity activity, CancellationToken cancellationToken)
    {
        activity.ServiceUrl = InProcessConnectorHandler.ServiceUrl;
        return processor.ProcessAsync(activity, cancellationToken);
    }

    /// <summary>Writes a visitor's message to the inbox before its echo is recorded (<see cref="ActivityProcessor.ClaimAsync"/>).</summary>
    public Task<InboundClaim> ClaimAsync(Activity activity, CancellationToken cancellationToken)
    {
        activity.ServiceUrl = InProcessConnectorHandler.ServiceUrl;
        return processor.ClaimAsync(activity, cancellationToken);
    }

    /// <summary>Runs the turn of a message <see cref="ClaimAsync"/> took.</summary>
    public Task ProcessClaimedAsync(Activity activity, Task<InboundClaim> claim, CancellationToken cancellationToken)
    {
        activity.ServiceUrl = InProcessConnectorHandler.ServiceUrl;
        return processor.ProcessClaimedAsync(activity, claim, cancellationToken);
    }
}
