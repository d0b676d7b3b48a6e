namespace ClinicBot.Storage;

/// <summary>
/// The lease statements both inboxes (<c>bot_inbox</c>, <c>sms_inbound</c>) make on both providers. Parameters:
/// <c>owner</c> (this host), <c>now</c>, <c>until</c> (now + the lease), <c>previous</c>
/// (<see cref="ClinicBot.Channels.Inbox.InboxLease.PreviousLifeBefore"/>), <c>key</c>, each under the provider's prefix.
/// A row with no lease (written before leases) counts as expired, and so does one this owner leased in a previous life
/// (before a restart).
/// </summary>
internal static class InboxLeaseSql
{
    /// <summary>
    /// The rows whose turn never finished and whose lease has expired (or that have none), or that this host leased in a
    /// previous life (its lease written before this process started).
    /// </summary>
    public static string Expired(char p) =>
        $"finished_at IS NULL AND (lease_until IS NULL OR lease_until < {p}now OR (lease_owner = {p}owner AND lease_until < {p}previous))";

    /// <summary>
    /// Takes an unfinished row over when its lease expired or it is this host's own (a channel's retry of a turn this host
    /// runs or ran in a previous life, as before leases): one atomic update, whose row count says whether it did. A row
    /// held by another host's live lease is left alone.
    /// </summary>
    public static string TakeOver(string table, string keyColumn, char p) => $"""
        UPDATE {table} SET lease_owner = {p}owner, lease_until = {p}until
        WHERE {keyColumn} = {p}key AND finished_at IS NULL AND (lease_until IS NULL OR lease_until < {p}now OR lease_owner = {p}owner)
        """;

    /// <summary>Extends this host's lease on an unfinished row; its row count says whether the lease was still this host's.</summary>
    public static string Renew(string table, string keyColumn, char p) =>
        $"UPDATE {table} SET lease_until = {p}until WHERE {keyColumn} = {p}key AND finished_at IS NULL AND lease_owner = {p}owner";

    /// <summary>After a claim's insert and takeover both failed: 1 (true) while another host runs the turn, 0 (false) once finished.</summary>
    public static string Unfinished(string table, string keyColumn, char p) => $"SELECT finished_at IS NULL FROM {table} WHERE {keyColumn} = {p}key";
}
