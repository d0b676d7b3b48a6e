using ClinicBot.Staff.Audit;

namespace ClinicBot.Storage.Tests.Contracts;

/// <summary>What every <see cref="IAuditLog"/> does: an escalation's entries, in the order they were recorded.</summary>
public abstract class AuditLogContract(StorageBackend backend) : StorageContract(backend)
{
    [Fact]
    public async Task ForEscalation_ThreeEntriesAndAnother_ReturnsItsOwnInOrder()
    {
        var log = Get<IAuditLog>();
        var escalation = NewId("esc");
        // Recorded out of time order: the log keeps the order of recording.
        var entries = new[]
        {
            new AuditEntry("nurse@clinic.example", "claim", escalation, At.AddMinutes(1)),
            new AuditEntry("nurse@clinic.example", "reply", escalation, At),
            new AuditEntry("doctor@clinic.example", "resolve", escalation, At.AddMinutes(2)),
        };
        foreach (var entry in entries) await log.RecordAsync(entry, default);
        await log.RecordAsync(new AuditEntry("nurse@clinic.example", "claim", NewId("other"), At), default);

        Assert.Equal(entries, await log.ForEscalationAsync(escalation, default));
    }
}
