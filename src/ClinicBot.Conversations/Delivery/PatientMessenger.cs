using ClinicBot.Conversations.State;
using ClinicBot.Prompts;
using Microsoft.Extensions.Logging;

namespace ClinicBot.Conversations.Delivery;

/// <summary>
/// Puts a staff member's words (or a notice) into the patient's transcript and their channel. The transcript entry is
/// written first, so a delivery failure never loses what staff said; a channel that fails (Twilio or the Connector
/// down) leaves the message in the outbox, which <see cref="RetryDueAsync"/> delivers later with growing pauses. The
/// channel is the one the conversation's <see cref="ChannelAddress"/> names.
/// </summary>
public sealed partial class PatientMessenger(
    IEnumerable<IChannelDelivery> deliveries, IConversationStore conversations, IPatientOutbox outbox, TimeProvider time, ILogger<PatientMessenger> logger)
{
    private readonly IChannelDelivery[] _deliveries = deliveries.ToArray();

    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan LongestPause = TimeSpan.FromMinutes(5);

    /// <summary>Records and delivers, or queues the delivery when the channel fails.</summary>
    public async Task<DeliveryOutcome> SendAsync(string conversationId, Channel channel, string author, string text, CancellationToken cancellationToken)
    {
        await conversations.AppendAsync(conversationId, channel, new TranscriptEntry(author, text, null, [], time.GetUtcNow()), cancellationToken);
        if (await FindAsync(conversationId, cancellationToken) is not { } found) return DeliveryOutcome.Unreachable;
        var (delivery, address) = found;
        try
        {
            await delivery.SendAsync(address, text, cancellationToken);
            return DeliveryOutcome.Delivered;
        }
        catch (DeliveryRefusedException ex)
        {
            Refused(logger, conversationId, ex);
            return DeliveryOutcome.Refused;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Queued(logger, conversationId, ex);
            await outbox.EnqueueAsync(new PendingDelivery(Guid.NewGuid().ToString("N"), conversationId, text, 1, time.GetUtcNow() + FirstRetry), cancellationToken);
            return DeliveryOutcome.Queued;
        }
    }

    /// <summary>Tries every queued message now due; returns how many were delivered.</summary>
    public async Task<int> RetryDueAsync(CancellationToken cancellationToken)
    {
        var delivered = 0;
        foreach (var pending in await outbox.DueAsync(time.GetUtcNow(), 50, cancellationToken))
        {
            try
            {
                var (delivery, address) = await FindAsync(pending.ConversationId, cancellationToken)
                    ?? throw new DeliveryRefusedException("No channel reaches the conversation any more.");
                await delivery.SendAsync(address, pending.Text, cancellationToken);
                await outbox.DeliveredAsync(pending.Id, time.GetUtcNow(), cancellationToken);
                delivered++;
            }
            catch (DeliveryRefusedException ex)
            {
                // Refused for good (the patient opted out meanwhile): it stays in the transcript, no more attempts.
                Refused(logger, pending.ConversationId, ex);
                await outbox.DeliveredAsync(pending.Id, time.GetUtcNow(), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var pause = TimeSpan.FromTicks(Math.Min(LongestPause.Ticks, FirstRetry.Ticks << Math.Min(pending.Attempts, 16)));
                StillFailing(logger, pending.ConversationId, pending.Attempts, ex);
                await outbox.RetryLaterAsync(pending.Id, pending.Attempts + 1, time.GetUtcNow() + pause, cancellationToken);
            }
        }

        return delivered;
    }

    // The channel the conversation's address names, when it can reach the patient now.
    private async Task<(IChannelDelivery Delivery, ChannelAddress Address)?> FindAsync(string conversationId, CancellationToken cancellationToken)
    {
        var address = await conversations.AddressAsync(conversationId, cancellationToken) ?? await LegacyAddressAsync(conversationId, cancellationToken);
        if (address is null) return null;
        var delivery = Array.Find(_deliveries, d => string.Equals(d.Name, address.Channel, StringComparison.Ordinal));
        return delivery is not null && await delivery.CanDeliverAsync(address, cancellationToken) ? (delivery, address) : null;
    }

    // A conversation stored before addresses were recorded: the first channel that knows it.
    private async Task<ChannelAddress?> LegacyAddressAsync(string conversationId, CancellationToken cancellationToken)
    {
        foreach (var delivery in _deliveries)
        {
            if (await delivery.LegacyAddressAsync(conversationId, cancellationToken) is { } address) return address;
        }

        return null;
    }

    [LoggerMessage(1, LogLevel.Warning, "A message for conversation {ConversationId} was not delivered; it waits in the outbox")]
    private static partial void Queued(ILogger logger, string conversationId, Exception exception);

    [LoggerMessage(3, LogLevel.Warning, "A message for conversation {ConversationId} was refused by its channel; not retried")]
    private static partial void Refused(ILogger logger, string conversationId, Exception exception);

    [LoggerMessage(2, LogLevel.Warning, "A queued message for conversation {ConversationId} failed again (attempt {Attempts})")]
    private static partial void StillFailing(ILogger logger, string conversationId, int attempts, Exception exception);
}
