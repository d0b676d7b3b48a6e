using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClinicBot.Staff.Retention;

/// <summary>
/// The host's retention job: a <see cref="DataPurge"/> every <see cref="RetentionOptions.PurgeInterval"/> (the first one
/// interval after start-up, out of the way of the warm-up).
/// A purge that fails is logged (its kind of error only: never text or numbers) and tried again next time; it never
/// stops the host.
/// </summary>
public sealed class RetentionJob(DataPurge purge, IOptions<RetentionOptions> options, TimeProvider time, ILogger<RetentionJob> logger) : BackgroundService
{
    private PeriodicTimer? _timer;

    /// <summary>Runs one purge, logging what it deleted or that it failed; true when it finished.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var purged = await purge.RunAsync(cancellationToken);
            if (purged.Total > 0) RetentionLog.Purged(logger, purged.ToString());
            return true;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The exception's message is not logged: a database error can quote the row it was writing.
            RetentionLog.Failed(logger, ex.GetType().Name, options.Value.PurgeInterval);
            return false;
        }
    }

    /// <inheritdoc />
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // The interval counts from start-up (ExecuteAsync itself may start a moment later, on a thread of its own).
        _timer = new PeriodicTimer(options.Value.PurgeInterval, time);
        return base.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _timer?.Dispose();
        base.Dispose();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _timer!.WaitForNextTickAsync(stoppingToken)) await RunOnceAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }
}
