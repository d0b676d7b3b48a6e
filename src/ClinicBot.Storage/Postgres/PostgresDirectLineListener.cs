using ClinicBot.Channels.DirectLine;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ClinicBot.Storage.Postgres;

/// <summary>
/// Listens on <see cref="PostgresDirectLineRelay.Channel"/> on a connection of its own and hands the other instances'
/// Direct Line announcements to <see cref="PostgresDirectLineRelay"/>, which wakes this instance's open streams of the
/// conversation. A dropped connection is opened again after a pause; announcements sent meanwhile are missed, so once it
/// listens again every open stream of this instance reads the store (<see cref="IDirectLineRelay.Resumed"/>).
/// </summary>
public sealed partial class PostgresDirectLineListener(
    PostgresDatabase database, PostgresDirectLineRelay relay, TimeProvider time, ILogger<PostgresDirectLineListener> logger) : BackgroundService
{
    private static readonly TimeSpan ReconnectPause = TimeSpan.FromSeconds(2);

    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the first LISTEN is in place (tests wait for it before another instance writes).</summary>
    public Task Listening => _listening.Task;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var dropped = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await database.OpenAsync(stoppingToken);
                connection.Notification += (_, notification) => relay.Receive(notification.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {PostgresDirectLineRelay.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                _listening.TrySetResult();
                if (dropped) relay.ListeningAgain();
                while (true) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException or IOException)
            {
                ListenFailed(logger, ex);
                dropped = true;
                await Task.Delay(ReconnectPause, time, stoppingToken);
            }
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "Listening for the other instances' Direct Line activities failed; listening again shortly")]
    private static partial void ListenFailed(ILogger logger, Exception exception);
}
