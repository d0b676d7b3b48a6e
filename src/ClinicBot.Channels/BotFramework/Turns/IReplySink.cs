using ClinicBot.Channels.BotFramework.Activities;

namespace ClinicBot.Channels.BotFramework.Turns;

/// <summary>
/// A channel of this host that takes the bot's activities in process instead of through the Bot Connector API
/// (ClinicBot's own Direct Line): the channel hands its activities to <see cref="ActivityProcessor"/> with its sink,
/// and their replies, typing indicators and welcomes come back here, in the order they are sent.
/// </summary>
public interface IReplySink
{
    /// <summary>The channel's scope in the activity inbox: its unfinished turns are recovered together at start-up.</summary>
    string InboxScope { get; }

    /// <summary>Takes one of the bot's activities; throws only when it cannot be taken at all.</summary>
    Task SendAsync(Activity activity, CancellationToken cancellationToken);
}
