using ClinicBot.Channels.Inbox;
using ClinicBot.Channels.Sms;
using Npgsql;

namespace ClinicBot.Storage.Postgres;

/// <summary>
/// The SMS tables in the shared database: <c>sms_subscribers</c> (hashed id, encrypted number, mask, locale, opt-out) and
/// <c>sms_inbound</c>, the inbox, whose primary key is the MessageSid, claimed under the host's lease: Twilio's retry
/// reaching another host while the turn runs gets no second reply, and a host that died mid-turn has its texts taken
/// over once its lease expired. Sender, text and reply are encrypted by the caller.
/// </summary>
public sealed class PostgresSmsStore(PostgresDatabase database, InboxLease lease) : ISmsSubscriberStore, ISmsInboxStore
{
    private const string SubscriberColumns = "phone_hash, conversation_id, phone_encrypted, display, locale, opted_out, opted_out_at";
    private const string Table = "sms_inbound";
    private const string KeyColumn = "message_sid";

    /// <inheritdoc />
    public Task<InboundClaim> ClaimMessageAsync(
        string messageSid, string phoneHash, string fromEncrypted, string bodyEncrypted, DateTimeOffset now, CancellationToken cancellationToken) =>
        PostgresInboxClaim.ClaimAsync(
            database,
            """
            INSERT INTO sms_inbound (message_sid, phone_hash, received_at, from_encrypted, body_encrypted, lease_owner, lease_until)
            VALUES (@key, @hash, @now, @from, @body, @owner, @until) ON CONFLICT (message_sid) DO NOTHING
            """,
            Table,
            KeyColumn,
            messageSid,
            [("hash", phoneHash), ("from", fromEncrypted), ("body", bodyEncrypted)],
            lease,
            now,
            cancellationToken);

    /// <inheritdoc />
    public Task<bool> RenewMessageAsync(string messageSid, DateTimeOffset now, CancellationToken cancellationToken) =>
        PostgresInboxClaim.RenewAsync(database, Table, KeyColumn, messageSid, lease, now, cancellationToken);

    /// <inheritdoc />
    public Task FinishMessageAsync(string messageSid, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.ExecuteAsync("UPDATE sms_inbound SET finished_at = @at WHERE message_sid = @sid AND finished_at IS NULL", cancellationToken,
            ("sid", messageSid), ("at", now));

    /// <inheritdoc />
    public Task KeepReplyAsync(string messageSid, string replyEncrypted, CancellationToken cancellationToken) =>
        database.ExecuteAsync("UPDATE sms_inbound SET reply_encrypted = @reply WHERE message_sid = @sid AND finished_at IS NULL", cancellationToken,
            ("sid", messageSid), ("reply", replyEncrypted));

    /// <inheritdoc />
    public async Task<IReadOnlyList<UnfinishedMessage>> UnfinishedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT message_sid, phone_hash, from_encrypted, body_encrypted, received_at, reply_encrypted FROM sms_inbound
            WHERE finished_at IS NULL AND body_encrypted IS NOT NULL ORDER BY received_at
            """, connection);
        return await ReadMessagesAsync(command, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<UnfinishedMessage>> TakeExpiredAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = PostgresInboxClaim.Leased(new NpgsqlCommand(PostgresInboxClaim.TakeExpired(
            Table, KeyColumn, "body_encrypted IS NOT NULL", "received_at",
            ["message_sid", "phone_hash", "from_encrypted", "body_encrypted", "received_at", "reply_encrypted"]),
            connection), null, lease, now).Add("limit", limit);
        var messages = await ReadMessagesAsync(command, cancellationToken);
        return messages.OrderBy(m => m.ReceivedAt).ToList();
    }

    private static async Task<List<UnfinishedMessage>> ReadMessagesAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var messages = new List<UnfinishedMessage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(new UnfinishedMessage(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4), reader.GetStringOrNull(5)));
        }

        return messages;
    }

    /// <inheritdoc />
    public async Task<SmsSubscriber> EnsureAsync(string phoneHash, string conversationId, Func<string> encrypt, string display, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await FindByHashAsync(phoneHash, cancellationToken) is { } existing) return existing;
        await database.ExecuteAsync("""
            INSERT INTO sms_subscribers (phone_hash, conversation_id, phone_encrypted, display, created_at, updated_at)
            VALUES (@hash, @conversation, @encrypted, @display, @at, @at) ON CONFLICT (phone_hash) DO NOTHING
            """, cancellationToken,
            ("hash", phoneHash), ("conversation", conversationId), ("encrypted", encrypt()), ("display", display), ("at", now));
        return (await FindByHashAsync(phoneHash, cancellationToken))!;
    }

    /// <inheritdoc />
    public Task<SmsSubscriber?> FindByHashAsync(string phoneHash, CancellationToken cancellationToken) =>
        FindAsync($"SELECT {SubscriberColumns} FROM sms_subscribers WHERE phone_hash = @value", phoneHash, cancellationToken);

    /// <inheritdoc />
    public Task<SmsSubscriber?> FindByConversationAsync(string conversationId, CancellationToken cancellationToken) =>
        FindAsync($"SELECT {SubscriberColumns} FROM sms_subscribers WHERE conversation_id = @value", conversationId, cancellationToken);

    /// <inheritdoc />
    public async Task<bool> SetOptedOutAsync(string phoneHash, bool optedOut, DateTimeOffset now, CancellationToken cancellationToken) =>
        await database.ExecuteAsync("""
            UPDATE sms_subscribers SET opted_out = @out, opted_out_at = CASE WHEN @out THEN @at ELSE NULL END, updated_at = @at
            WHERE phone_hash = @hash AND opted_out <> @out
            """, cancellationToken, ("hash", phoneHash), ("out", optedOut), ("at", now)) == 1;

    /// <inheritdoc />
    public Task SetLocaleAsync(string phoneHash, string locale, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.ExecuteAsync(
            "UPDATE sms_subscribers SET locale = @locale, updated_at = @at WHERE phone_hash = @hash AND locale IS DISTINCT FROM @locale", cancellationToken,
            ("hash", phoneHash), ("locale", locale), ("at", now));

    private async Task<SmsSubscriber?> FindAsync(string sql, string value, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection).Add("value", value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new SmsSubscriber(
            reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetStringOrNull(4), reader.GetBoolean(5), reader.GetTimeOrNull(6));
    }
}
