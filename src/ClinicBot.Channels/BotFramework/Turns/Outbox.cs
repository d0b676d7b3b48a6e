using ClinicBot.Channels.BotFramework.Activities;

namespace ClinicBot.Channels.BotFramework.Turns;

/// <summary>
/// Where one turn's activities go: to the channel (the Connector, or an in-process <see cref="IReplySink"/>), or into
/// the <c>expectReplies</c> response body when <paramref name="send"/> is null. <paramref name="connectorChannel"/> says
/// whether the turn's channel is one the Connector reaches (not a reply sink's), even when its replies go into the body.
/// </summary>
internal sealed class Outbox(Func<Activity, CancellationToken, Task>? send, bool connectorChannel)
{
    private readonly List<Activity> _activities = [];
    private readonly Lock _lock = new();

    public bool Buffered => send is null;

    /// <summary>An agent hub may read the channel, and staff reach its conversations later through a stored reference.</summary>
    public bool ConnectorChannel => connectorChannel;

    public bool SentMessage { get; private set; }

    public IReadOnlyList<Activity> Activities
    {
        get
        {
            lock (_lock) return _activities.ToList();
        }
    }

    public async Task SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (send is not null) await send(activity, cancellationToken);
        lock (_lock)
        {
            _activities.Add(activity);
            if (activity.Type == ActivityTypes.Message) SentMessage = true;
        }
    }
}
