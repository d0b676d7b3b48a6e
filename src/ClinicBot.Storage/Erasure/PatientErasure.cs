using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using ClinicBot.Conversations.Privacy;
using ClinicBot.Staff.Queue;
using ClinicBot.Storage.Privacy;
using ClinicBot.Storage.Retention;

namespace ClinicBot.Storage.Erasure;

/// <summary>
/// "Forget me", the same on both providers, inside the provider's transaction (in which <c>purge_ids</c> exists and is
/// empty): mark the patient's conversations (<see cref="PatientConversationsSql"/>), redact the escalations still open,
/// delete every row of theirs (<see cref="ConversationRows"/>, as the retention purge does), record the audit entry,
/// commit. A conversation with an escalation still open keeps its row (no text: its state and where the patient is
/// reached), so the escalation is not orphaned and retention takes both once it is resolved. The Direct Line conversation row stays (a visitor id, a language and a time: no text) so the chat window that
/// asked still receives the confirmation.
/// </summary>
internal static class PatientErasure
{
    // The conversations of the patient: the one named, and for SMS every conversation of the same number (by its hash,
    // as the subscriber row and the conversation's address keep it).
    private const string PatientConversationsSql = """
        SELECT c.id FROM conversations c WHERE c.id = @id
        UNION SELECT s.conversation_id FROM sms_subscribers s WHERE s.phone_hash IN (
            SELECT s2.phone_hash FROM sms_subscribers s2 WHERE s2.conversation_id = @id
            UNION SELECT c2.address FROM conversations c2 WHERE c2.id = @id AND c2.address_channel = 'sms')
        UNION SELECT c.id FROM conversations c WHERE c.address_channel = 'sms' AND c.address IN (
            SELECT s2.phone_hash FROM sms_subscribers s2 WHERE s2.conversation_id = @id
            UNION SELECT c2.address FROM conversations c2 WHERE c2.id = @id AND c2.address_channel = 'sms')
        """;

    private const string OpenEscalationsSql =
        "SELECT id, conversation_id, channel FROM escalations WHERE conversation_id IN (SELECT id FROM purge_ids) AND status <> 'resolved' ORDER BY id";

    private const string OptOutsSql = "SELECT count(*) FROM sms_subscribers WHERE conversation_id IN (SELECT id FROM purge_ids) AND opted_out";

    // What an open escalation's pending notification says once its patient is forgotten: no name, no number.
    private const string RedactedNotification = "An escalation is waiting in the staff console. The patient asked to be forgotten, so nothing they wrote is kept.";

    /// <param name="connection">The provider's open connection.</param>
    /// <param name="transaction">Its transaction, in which <c>purge_ids</c> exists and is empty.</param>
    /// <param name="request">Whom to forget, who asked.</param>
    /// <param name="cipher">Writes the redacted escalation fields as every protected value is written.</param>
    /// <param name="at">When, as the provider stores times.</param>
    /// <param name="cancellationToken">Cancels the erasure (the transaction is not committed).</param>
    public static async Task<ErasureReceipt> RunAsync(
        DbConnection connection, DbTransaction transaction, ErasureRequest request, PatientTextCipher cipher, object at, CancellationToken cancellationToken)
    {
        await MarkAsync(connection, transaction, request.ConversationId, cancellationToken);
        var kept = await RedactOpenEscalationsAsync(connection, transaction, cipher, cancellationToken);
        var optOutKept = await CountAsync(connection, transaction, OptOutsSql, cancellationToken) > 0;
        var conversations = await CountAsync(connection, transaction, "SELECT count(*) FROM conversations WHERE id IN (SELECT id FROM purge_ids)", cancellationToken);

        long rows = 0;
        foreach (var (table, where) in ConversationRows.Targets().Where(t => t.Table != ConversationRows.DirectLineConversations))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await using var delete = DbParameters.Command(connection, transaction, $"DELETE FROM {table} WHERE {where}");
            rows += await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        var receipt = new ErasureReceipt((int)conversations, rows, kept, optOutKept);
        await using (var audit = DbParameters.Command(
            connection, transaction, "INSERT INTO audit_log (actor, action, escalation_id, at) VALUES (@actor, @action, @escalation, @at)",
            ("@actor", request.Actor), ("@action", receipt.AuditAction(request.Channel)), ("@escalation", (object?)request.EscalationId ?? DBNull.Value), ("@at", at)))
        {
            await audit.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return receipt;
    }

    private static async Task MarkAsync(DbConnection connection, DbTransaction transaction, string conversationId, CancellationToken cancellationToken)
    {
        // The conversation named is erased even before its first turn is stored (Web Chat activities come first).
        var ids = new SortedSet<string>(StringComparer.Ordinal) { conversationId };
        await using (var select = DbParameters.Command(connection, transaction, PatientConversationsSql, ("@id", conversationId)))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken)) ids.Add(reader.GetString(0));
        }

        foreach (var id in ids)
        {
            await using var mark = DbParameters.Command(connection, transaction, "INSERT INTO purge_ids (id, key_hash) VALUES (@id, @hash)", ("@id", id), ("@hash", ActivityKey.Hash(id)));
            await mark.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    // An escalation still open stays, so staff see someone needed help; the patient's name (or masked number) in it and in
    // its pending notification is replaced by the code staff lists use when a channel gives no name.
    private static async Task<int> RedactOpenEscalationsAsync(DbConnection connection, DbTransaction transaction, PatientTextCipher cipher, CancellationToken cancellationToken)
    {
        var open = new List<(string Id, string ConversationId, string Channel)>();
        await using (var select = DbParameters.Command(connection, transaction, OpenEscalationsSql))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken)) open.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        var body = cipher.Protect(JsonSerializer.Serialize(new { text = RedactedNotification }), ProtectedColumn.NotificationBody);
        foreach (var (id, conversationId, channel) in open)
        {
            var patient = cipher.Protect(PatientDisplayId.For(channel, conversationId), ProtectedColumn.EscalationPatient);
            await using var redact = DbParameters.Command(connection, transaction, "UPDATE escalations SET patient_display_id = @patient WHERE id = @id", ("@patient", patient), ("@id", id));
            await redact.ExecuteNonQueryAsync(cancellationToken);
            await using var notification = DbParameters.Command(connection, transaction, "UPDATE notification_outbox SET body = @body WHERE escalation_id = @id", ("@body", body), ("@id", id));
            await notification.ExecuteNonQueryAsync(cancellationToken);
        }

        return open.Count;
    }

    private static async Task<long> CountAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = DbParameters.Command(connection, transaction, sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }
}
