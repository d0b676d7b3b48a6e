using System.Data.Common;
using System.Text.Json;
using ClinicBot.Staff.Queue;
using ClinicBot.Storage.Privacy;

namespace ClinicBot.Storage;

/// <summary>
/// How both providers read escalations: the same columns in the same order (id, conversation, channel, patient,
/// priority, reason, triage reasons as JSON, status, assignee, created, due, resolved); only times are stored differently.
/// </summary>
internal static class EscalationRows
{
    /// <param name="command">A query of those columns.</param>
    /// <param name="time">Reads a non-null time column of the current row (text in SQLite, <c>timestamptz</c> in PostgreSQL).</param>
    /// <param name="cipher">Reads the patient's display id, encrypted at rest.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static async Task<List<EscalationRecord>> ReadAsync(
        DbCommand command, Func<DbDataReader, int, DateTimeOffset> time, PatientTextCipher cipher, CancellationToken cancellationToken)
    {
        var records = new List<EscalationRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(new EscalationRecord(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), cipher.Reveal(reader.GetString(3), ProtectedColumn.EscalationPatient), reader.GetString(4), reader.GetString(5),
                JsonSerializer.Deserialize<List<string>>(reader.GetString(6)) ?? [],
                reader.GetString(7),
                reader.IsDBNull(8) ? null : reader.GetString(8),
                time(reader, 9),
                time(reader, 10),
                reader.IsDBNull(11) ? null : time(reader, 11)));
        }

        return records;
    }
}
