using ClinicBot.Conversations.Delivery;

namespace ClinicBot.Storage.Tests.Contracts;

/// <summary>What every <see cref="IPatientOutbox"/> does: keeps a message until delivered, retried when due.</summary>
public abstract class PatientOutboxContract(StorageBackend backend) : StorageContract(backend)
{
    [Fact]
    public async Task Due_EnqueuedRetriedDelivered_ReturnsItOnlyWhileDue()
    {
        var now = At.AddYears(10 + Random.Shared.Next(1000));
        var outbox = Get<IPatientOutbox>();
        var message = new PendingDelivery(NewId("pending"), NewId("sms"), "The nurse will call you back today.", 1, now.AddSeconds(5));
        await outbox.EnqueueAsync(message, default);

        Assert.Empty(await outbox.DueAsync(now, 10, default));
        Assert.Equal(message, Assert.Single(await outbox.DueAsync(now.AddSeconds(5), 10, default)));

        await outbox.RetryLaterAsync(message.Id, 2, now.AddMinutes(1), default);
        Assert.Empty(await outbox.DueAsync(now.AddSeconds(30), 10, default));
        Assert.Equal(2, Assert.Single(await outbox.DueAsync(now.AddMinutes(1), 10, default)).Attempts);

        await outbox.DeliveredAsync(message.Id, now.AddMinutes(1), default);
        Assert.Empty(await outbox.DueAsync(now.AddHours(1), 10, default));
    }
}
