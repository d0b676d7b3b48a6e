using ClinicBot.Conversations.Privacy;
using ClinicBot.Storage.Erasure;
using ClinicBot.Storage.Privacy;
using static ClinicBot.Storage.Sqlite.SqliteConversationStore;

namespace ClinicBot.Storage.Sqlite;

/// <summary>
/// "Forget me" in the SQLite file: one <c>BEGIN IMMEDIATE</c> transaction (no writer in between), then a checkpoint
/// that empties the write-ahead log, so the erased text is not left in it. Free pages go at the next retention VACUUM.
/// </summary>
public sealed class SqlitePatientEraser(SqliteConnectionFactory connections, PatientTextCipher cipher) : IPatientEraser
{
    /// <inheritdoc />
    public async Task<ErasureReceipt> EraseAsync(ErasureRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ErasureReceipt receipt;
        await using (var connection = connections.Open())
        {
            await using var transaction = connection.BeginTransaction(deferred: false);
            await using (var create = connection.CreateCommand())
            {
                create.Transaction = transaction;
                create.CommandText = "CREATE TEMP TABLE IF NOT EXISTS purge_ids (id TEXT PRIMARY KEY, key_hash TEXT NOT NULL); DELETE FROM purge_ids;";
                await create.ExecuteNonQueryAsync(cancellationToken);
            }

            receipt = await PatientErasure.RunAsync(connection, transaction, request, cipher, Format(request.At), cancellationToken);
        }

        await connections.ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE);", cancellationToken);
        return receipt;
    }
}
