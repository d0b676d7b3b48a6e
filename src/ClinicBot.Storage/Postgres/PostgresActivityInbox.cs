using ClinicBot.Channels.BotFramework.Turns;
using ClinicBot.Channels.Inbox;
using Microsoft.AspNetCore.DataProtection;
using Npgsql;

namespace ClinicBot.Storage.Postgres;

/// <summary>
/// The activity inbox in the shared database (table <c>bot_inbox</c>): the activity id is claimed by one host, the others
/// answer nothing. The activity (the patient's words) is encrypted by ASP.NET Core Data Protection and dropped when the
/// turn finishes; keys are hashed, as conversation ids can hold a phone number.
/// </summary>
public sealed class PostgresActivityInbox(PostgresDatabase database, IDataProtectionProvider protection, TimeProvider time) : IActivityInbox
{
    private readonly IDataProtector _protector = protection.CreateProtector("ClinicBot.ActivityInbox");

    /// <inheritdoc />
    public Task<InboundClaim> ClaimAsync(string conversationKey, string key, string scope, string activityJson, CancellationToken cancellationToken) =>
        PostgresInboxClaim.ClaimAsync(
            database,
            """
            INSERT INTO bot_inbox (key_hash, conversation_hash, scope, activity_protected, claimed_at) VALUES (@key, @conversation, @scope, @activity, @at)
            ON CONFLICT (key_hash) DO NOTHING
            """,
            "SELECT finished_at IS NULL FROM bot_inbox WHERE key_hash = @key",
            ActivityKey.Hash(key),
            [("conversation", ActivityKey.Hash(conversationKey)), ("scope", scope), ("activity", _protector.Protect(activityJson)), ("at", time.GetUtcNow())],
            cancellationToken);

    /// <inheritdoc />
    public Task FinishAsync(string key, CancellationToken cancellationToken) => database.ExecuteAsync(
        "UPDATE bot_inbox SET finished_at = @at, activity_protected = NULL WHERE key_hash = @key AND finished_at IS NULL", cancellationToken,
        ("key", ActivityKey.Hash(key)), ("at", time.GetUtcNow()));

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> UnfinishedAsync(string scope, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT activity_protected FROM bot_inbox
            WHERE scope = @scope AND finished_at IS NULL AND activity_protected IS NOT NULL ORDER BY claimed_at
            """, connection).Add("scope", scope);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await ProtectedActivities.ReadAsync(reader, _protector, cancellationToken);
    }
}
