using ClinicBot.Conversations.Privacy;
using ClinicBot.Storage.Erasure;
using ClinicBot.Storage.Privacy;
using Npgsql;

namespace ClinicBot.Storage.Postgres;

/// <summary>"Forget me" in the shared database: one transaction, whichever host the patient or staff member reached.</summary>
public sealed class PostgresPatientEraser(PostgresDatabase database, PatientTextCipher cipher) : IPatientEraser
{
    /// <inheritdoc />
    public async Task<ErasureReceipt> EraseAsync(ErasureRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var create = new NpgsqlCommand("CREATE TEMP TABLE purge_ids (id text PRIMARY KEY, key_hash text NOT NULL) ON COMMIT DROP", connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        return await PatientErasure.RunAsync(connection, transaction, request, cipher, request.At.ToUniversalTime(), cancellationToken);
    }
}
