using System.Text.Json;
using ClinicBot.Staff.Console;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ClinicBot.Storage.Postgres;

/// <summary>
/// Listens on <see cref="PostgresQueueEventRelay.Channel"/> on a connection of its own and hands the other instances'
/// queue events to this instance's consoles (<see cref="QueueEvents.Deliver"/>). A dropped connection is opened again
/// after a pause; events sent meanwhile are missed, and the consoles' periodic refresh covers them.
/// </summary>
public sealed partial class PostgresQueueEventListener(
    PostgresDatabase database, PostgresQueueEventRelay relay, QueueEvents events, TimeProvider time, ILogger<PostgresQueueEventListener> logger) : BackgroundService
{
    private static readonly TimeSpan ReconnectPause = TimeSpan.FromSeconds(2);

    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the first LISTEN is in place (tests wait for it before another instance publishes).</summary>
    public Task Listening => _listening.Task;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await database.OpenAsync(stoppingToken);
                connection.Notification += (_, notification) => Receive(notification.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {PostgresQueueEventRelay.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                _listening.TrySetResult();
                while (true) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException or IOException)
            {
                ListenFailed(logger, ex);
                await Task.Delay(ReconnectPause, time, stoppingToken);
            }
        }
    }

    private void Receive(string payload)
    {
        try
        {
            if (JsonSerializer.Deserialize<QueueNotification>(payload) is { } notification && notification.Origin != relay.Origin)
            {
                events.Deliver(new QueueEvent(notification.Kind, notification.EscalationId, notification.ConversationId));
            }
        }
        catch (JsonException)
        {
            // Not one of ours (something else notified on the channel): nothing for the consoles.
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "Listening for the other instances' queue events failed; listening again shortly")]
    private static partial void ListenFailed(ILogger logger, Exception exception);
}
