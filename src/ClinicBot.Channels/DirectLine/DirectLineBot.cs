using ClinicBot.Channels.BotFramework.Activities;
using ClinicBot.Channels.BotFramework.Turns;
using ClinicBot.Channels.Inbox;

namespace ClinicBot.Channels.DirectLine;

/// <summary>
/// The bot behind ClinicBot's Direct Line: the host's one <see cref="ActivityProcessor"/> (turn pipeline, welcome,
/// typing, fallback, duplicate detection), its activities answered into <see cref="DirectLineReplySink"/>.
/// </summary>
internal sealed class DirectLineBot(ActivityProcessor processor, DirectLineReplySink sink)
{
    public Task ProcessAsync(Activity activity, CancellationToken cancellationToken)
    {
        activity.ServiceUrl = DirectLineReplySink.ServiceUrl;
        return processor.ProcessAsync(activity, sink, cancellationToken);
    }

    /// <summary>Writes a visitor's message to the inbox before its echo is recorded (<see cref="ActivityProcessor.ClaimAsync"/>).</summary>
    public Task<InboundClaim> ClaimAsync(Activity activity, CancellationToken cancellationToken)
    {
        activity.ServiceUrl = DirectLineReplySink.ServiceUrl;
        return processor.ClaimAsync(activity, sink, cancellationToken);
    }

    /// <summary>Runs the turn of a message <see cref="ClaimAsync"/> took.</summary>
    public Task ProcessClaimedAsync(Activity activity, Task<InboundClaim> claim, CancellationToken cancellationToken)
    {
        activity.ServiceUrl = DirectLineReplySink.ServiceUrl;
        return processor.ProcessClaimedAsync(activity, claim, sink, cancellationToken);
    }
}
