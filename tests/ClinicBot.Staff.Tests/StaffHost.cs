using ClinicBot.Conversations.State;
using ClinicBot.Conversations.Turns;
using ClinicBot.Prompts;
using ClinicBot.Staff.Notifications;
using ClinicBot.Staff.Queue;
using ClinicBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ClinicBot.Staff.Tests;

/// <summary>
/// The real engine and staff services over a temporary SQLite file, with a clock the test controls: the domain clock
/// (SLA due times, queue ages, sign-in lockouts) and the timers on it (the webhook sender's retry delays and attempt
/// timeouts) move only when the test advances it (<see cref="FakeClockDriver"/>).
/// </summary>
public sealed class StaffHost : IDisposable
{
    private readonly EngineHost _host;

    public StaffHost(IReadOnlyDictionary<string, string?>? settings = null, DateTimeOffset? now = null)
    {
        Clock = new FakeTimeProvider(now ?? new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.FromHours(-8)));
        _host = new EngineHost(settings, services => services.AddSingleton<TimeProvider>(Clock).AddSingleton<NotificationDispatcher>());
    }

    public FakeTimeProvider Clock { get; }

    public T Get<T>() where T : notnull => _host.Get<T>();

    public Task<Reply> SayAsync(string conversationId, string text, Channel channel = Channel.Web) =>
        Get<TurnPipeline>().HandleAsync(new TurnRequest(conversationId, channel, "en", text));

    public async Task<EscalationRecord> OnlyEscalationAsync(string conversationId)
    {
        var all = await Get<IEscalationStore>().ListAsync(new EscalationFilter(IncludeResolved: true), CancellationToken.None);
        return Assert.Single(all, e => e.ConversationId == conversationId);
    }

    public Task<ConversationState> StateAsync(string conversationId) =>
        Get<IConversationStore>().GetAsync(conversationId, CancellationToken.None);

    public void Dispose() => _host.Dispose();
}
