using System.Globalization;
using ClinicBot.Channels.Inbox;
using ClinicBot.Channels.Sms;
using Microsoft.Data.Sqlite;

namespace ClinicBot.Storage.Sqlite;

/// <summary>
/// The SMS tables in the one SQLite file: <c>sms_subscribers</c> (hashed id, encrypted number, mask, locale, opt-out)
/// and <c>sms_inbound</c>, the inbox: each MessageSid with its sender and text (encrypted) taken in one write before the
/// turn runs, its reply (encrypted) kept once the turn has one, and marked finished once the reply is with Twilio; a
/// retried webhook gets no second reply, and a turn a crash cut short is found again (<see cref="UnfinishedAsync"/>).
/// </summary>
public sealed class SqliteSmsStore : ISmsSubscriberStore, ISmsInboxStore
{
    private const string Table = "sms_inbound";
    private const string KeyColumn = "message_sid";

    private readonly SqliteConnectionFactory _connections;
    private readonly InboxLease _lease;

    /// <summary>Over a database the schema migrations have brought up to date, claiming under <paramref name="lease"/> (a new one when null).</summary>
    public SqliteSmsStore(SqliteConnectionFactory connections, InboxLease? lease = null)
    {
        _connections = connections;
        _lease = lease ?? InboxLease.ForThisHost();
    }

    /// <inheritdoc />
    public async Task<InboundClaim> ClaimMessageAsync(
        string messageSid, string phoneHash, string fromEncrypted, string bodyEncrypted, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = _connections.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO sms_inbound (message_sid, phone_hash, received_at, from_encrypted, body_encrypted, lease_owner, lease_until)
            VALUES ($key, $hash, $now, $from, $body, $owner, $until) ON CONFLICT(message_sid) DO NOTHING
            """;
        SqliteInboxLease.Add(command, messageSid, _lease, now);
        command.Parameters.AddWithValue("$hash", phoneHash);
        command.Parameters.AddWithValue("$from", fromEncrypted);
        command.Parameters.AddWithValue("$body", bodyEncrypted);
        return await SqliteInboxLease.ClaimAsync(command, Table, KeyColumn, messageSid, _lease, now, cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> RenewMessageAsync(string messageSid, DateTimeOffset now, CancellationToken cancellationToken) =>
        SqliteInboxLease.RenewAsync(_connections, Table, KeyColumn, messageSid, _lease, now, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<UnfinishedMessage>> TakeExpiredAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var connection = _connections.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = SqliteInboxLease.TakeExpired(
            Table, KeyColumn, "body_encrypted IS NOT NULL", "received_at", "message_sid, phone_hash, from_encrypted, body_encrypted, received_at, reply_encrypted");
        SqliteInboxLease.Add(command, null, _lease, now);
        command.Parameters.AddWithValue("$limit", limit);
        var messages = await ReadMessagesAsync(command, cancellationToken);
        return messages.OrderBy(m => m.ReceivedAt).ToList();
    }

    /// <summary>Records that the MessageSid's turn is done (its reply handed to Twilio, or none due).</summary>
    public async Task FinishMessageAsync(string messageSid, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = _connections.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE sms_inbound SET finished_at = $at WHERE message_sid = $sid AND finished_at IS NULL";
        command.Parameters.AddWithValue("$sid", messageSid);
        command.Parameters.AddWithValue("$at", Format(now));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Keeps the reply of the MessageSid's turn (encrypted by the caller) before it is handed to Twilio: a kill after
    /// that leaves it to be looked up in Twilio's Messages, not sent twice.
    /// </summary>
    public async Task KeepReplyAsync(string messageSid, string replyEncrypted, CancellationToken cancellationToken)
    {
        await using var connection = _connections.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE sms_inbound SET reply_encrypted = $reply WHERE message_sid = $sid AND finished_at IS NULL";
        command.Parameters.AddWithValue("$sid", messageSid);
        command.Parameters.AddWithValue("$reply", replyEncrypted);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Messages whose turn never finished (the process stopped mid-turn), oldest first.</summary>
    public async Task<IReadOnlyList<UnfinishedMessage>> UnfinishedAsync(CancellationToken cancellationToken)
    {
        await using var connection = _connections.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT message_sid, phone_hash, from_encrypted, body_encrypted, received_at, reply_encrypted FROM sms_inbound
            WHERE finished_at IS NULL AND body_encrypted IS NOT NULL ORDER BY received_at
            """;
        return await ReadMessagesAsync(command, cancellationToken);
    }

    private static async Task<List<UnfinishedMessage>> ReadMessagesAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var messages = new List<UnfinishedMessage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(new UnfinishedMessage(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture), reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return messages;
    }

    /// <summary>Creates the subscriber on first contact; returns what is stored.</summary>
    public async Task<SmsSubscriber> EnsureAsync(string phoneHash, string conversationId, Func<string> encrypt, string display, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await FindByHashAsync(phoneHash, cancellationToken) is { } existing) return existing;
        await using var connection = _connections.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO sms_subscribers (phone_hash, conversation_id, phone_encrypted, display, created_at, updated_at)
            VALUES ($hash, $conversation, $encrypted, $display, $at, $at) ON CONFLICT(phone_hash) DO NOTHING
            """;
        command.Parameters.AddWithValue("$hash", phoneHash);
        command.Parameters.AddWithValue("$conversation", conversationId);
        command.Parameters.AddWithValue("$encrypted", encrypt());
        command.Parameters.AddWithValue("$display", display);
        command.Parameters.AddWithValue("$at", Format(now));
        await command.ExecuteNonQueryAsync(cancellationToken);
        return (await FindByHashAsync(phoneHash, cancellationToken))!;
    }

    public Task<SmsSubscriber?> FindByHashAsync(string phoneHash, CancellationToken cancellationToken) =>
        FindAsync("phone_hash", phoneHash, cancellationToken);

    public Task<SmsSubscriber?> FindByConversationAsync(string conversationId, CancellationToken cancellationToken) =>
        FindAsync("conversation_id", conversationId, cancellationToken);

    /// <summary>Records an opt-out (true) or opt-in (false); returns whether the state changed.</summary>
    public async Task<bool> SetOptedOutAsync(string phoneHash, bool optedOut, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = _connections.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE sms_subscribers SET opted_out = $out, opted_out_at = CASE WHEN $out = 1 THEN $at ELSE NULL END, updated_at = $at
            WHERE phone_hash = $hash AND opted_out <> $out
            """;
        command.Parameters.AddWithValue("$hash", phoneHash);
        command.Parameters.AddWithValue("$out", optedOut ? 1 : 0);
        command.Parameters.AddWithValue("$at", Format(now));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task SetLocaleAsync(string phoneHash, string locale, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = _connections.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE sms_subscribers SET locale = $locale, updated_at = $at WHERE phone_hash = $hash AND (locale IS NULL OR locale <> $locale)";
        command.Parameters.AddWithValue("$hash", phoneHash);
        command.Parameters.AddWithValue("$locale", locale);
        command.Parameters.AddWithValue("$at", Format(now));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<SmsSubscriber?> FindAsync(string column, string value, CancellationToken cancellationToken)
    {
        await using var connection = _connections.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT phone_hash, conversation_id, phone_encrypted, display, locale, opted_out, opted_out_at FROM sms_subscribers WHERE {column} = $value";
        command.Parameters.AddWithValue("$value", value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new SmsSubscriber(
            reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
            reader.IsDBNull(4) ? null : reader.GetString(4),
            reader.GetInt64(5) == 1,
            reader.IsDBNull(6) ? null : DateTimeOffset.Parse(reader.GetString(6), CultureInfo.InvariantCulture));
    }

    private static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}
