using ClinicBot.Channels.BotFramework.Activities;

namespace ClinicBot.Channels.BotFramework.Turns;

/// <summary>
/// Where one turn's activities go: to the channel (the Connector, or an in-process <see cref="IReplySink"/>), or into
/// the <c>expectReplies</c> response body when <paramref name="send"/> is null. <paramref name="agentHub"/> says whether
/// an agent hub may read the channel (a <c>handoff.initiate</c> event is then worth sending).
/// </summary>
internal sealed class Outbox(Func<Activity, CancellationToken, Task>? send, bool agentHub)
{
    private readonly List<Activity> _activities = [];
    private readonly Lock _lock = new();

    public bool Buffered => send is null;

    public bool AgentHub => agentHub;

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
