using ClinicBot.Conversations.State;
using ClinicBot.Conversations.Turns;
using ClinicBot.Prompts;
using ClinicBot.Staff.Notifications;
using ClinicBot.Staff.Queue;
using ClinicBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicBot.Staff.Tests;

/// <summary>The real engine and staff services over a temporary SQLite file, with a clock the test controls.</summary>
public sealed class StaffHost : IDisposable
{
    private readonly EngineHost _host;

    public StaffHost(IReadOnlyDictionary<string, string?>? settings = null, DateTimeOffset? now = null)
    {
        Clock = new ManualTimeProvider(now ?? new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.FromHours(-8)));
        _host = new EngineHost(settings, services => services.AddSingleton<TimeProvider>(Clock).AddSingleton<NotificationDispatcher>());
    }

    public ManualTimeProvider Clock { get; }

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
