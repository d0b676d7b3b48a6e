using ClinicBot.Channels.BotFramework.Turns;

namespace ClinicBot.Storage.Postgres;

/// <summary>
/// The activity ledger in the shared database: the primary key decides which host answers an activity the channel sent
/// to two of them. Keys are stored hashed, as they contain conversation ids (an SMS one can hold a phone number).
/// </summary>
public sealed class PostgresActivityLedger(PostgresDatabase database, TimeProvider time) : IActivityLedger
{
    /// <inheritdoc />
    public async Task<bool> TryClaimAsync(string conversationKey, string key, CancellationToken cancellationToken) =>
        await database.ExecuteAsync("INSERT INTO bot_activity_ledger (key_hash, conversation_hash, claimed_at) VALUES (@key, @conversation, @at) ON CONFLICT (key_hash) DO NOTHING",
            cancellationToken, ("key", ActivityKey.Hash(key)), ("conversation", ActivityKey.Hash(conversationKey)), ("at", time.GetUtcNow())) == 1;
}
