using ClinicBot.Channels.Inbox;
using Npgsql;

namespace ClinicBot.Storage.Postgres;

/// <summary>
/// The claim both inboxes make (SMS MessageSids, Bot Framework activities): the insert that the primary key lets only
/// one host win, then, for the losers, whether the winner's turn has finished.
/// </summary>
internal static class PostgresInboxClaim
{
    /// <param name="database">The shared database.</param>
    /// <param name="insert">An <c>INSERT ... ON CONFLICT DO NOTHING</c> of the key <c>@key</c> and the other parameters.</param>
    /// <param name="unfinished">A query of one boolean for the key <c>@key</c>: true while its turn has not finished.</param>
    /// <param name="key">The key's value.</param>
    /// <param name="parameters">The insert's other parameters.</param>
    /// <param name="cancellationToken">Cancels the claim.</param>
    public static async Task<InboundClaim> ClaimAsync(
        PostgresDatabase database, string insert, string unfinished, string key, (string Name, object? Value)[] parameters, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(insert, connection).Add("key", key);
        foreach (var (name, value) in parameters) command.Add(name, value);
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 1) return InboundClaim.New;

        await using var state = new NpgsqlCommand(unfinished, connection).Add("key", key);
        return (bool)(await state.ExecuteScalarAsync(cancellationToken))! ? InboundClaim.Unfinished : InboundClaim.Finished;
    }
}
