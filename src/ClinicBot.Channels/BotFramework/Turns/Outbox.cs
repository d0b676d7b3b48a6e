using ClinicBot.Channels.BotFramework.Activities;
using ClinicBot.Channels.BotFramework.Connector;

namespace ClinicBot.Channels.BotFramework.Turns;

/// <summary>Where one turn's activities go: through the Connector, or into the <c>expectReplies</c> response body.</summary>
internal sealed class Outbox(ConnectorClient? connector)
{
    private readonly List<Activity> _activities = [];
    private readonly Lock _lock = new();

    public bool Buffered => connector is null;

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
        if (connector is not null) await connector.SendAsync(activity, cancellationToken);
        lock (_lock)
        {
            _activities.Add(activity);
            if (activity.Type == ActivityTypes.Message) SentMessage = true;
        }
    }
}
