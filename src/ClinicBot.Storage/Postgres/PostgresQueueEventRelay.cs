using System.Text.Json;
using ClinicBot.Staff.Console;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ClinicBot.Storage.Postgres;

/// <summary>
/// Sends this instance's queue events to the others with <c>pg_notify</c> on <see cref="Channel"/>; the
/// <see cref="PostgresQueueEventListener"/> of every instance hears them. Each event carries this instance's
/// <see cref="Origin"/>, so an instance ignores its own (its consoles already had it).
/// </summary>
public sealed partial class PostgresQueueEventRelay(PostgresDatabase database, ILogger<PostgresQueueEventRelay> logger) : IQueueEventRelay
{
    /// <summary>The NOTIFY channel every ClinicBot instance on the database listens on.</summary>
    public const string Channel = "clinicbot_queue_events";

    /// <summary>This instance, as its notifications name it.</summary>
    public Guid Origin { get; } = Guid.NewGuid();

    /// <inheritdoc />
    public void Send(QueueEvent queueEvent) => _ = SendAsync(queueEvent);

    private async Task SendAsync(QueueEvent queueEvent)
    {
        try
        {
            var payload = JsonSerializer.Serialize(new QueueNotification(Origin, queueEvent.Kind, queueEvent.EscalationId, queueEvent.ConversationId));
            await database.ExecuteAsync("SELECT pg_notify(@channel, @payload)", CancellationToken.None, ("channel", Channel), ("payload", payload));
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            // The other instances' consoles pick the change up on their periodic refresh.
            NotSent(logger, queueEvent.Kind, ex);
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "Queue event {Kind} not sent to the other instances")]
    private static partial void NotSent(ILogger logger, string kind, Exception exception);
}
