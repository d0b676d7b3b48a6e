using System.Data.Common;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace ClinicBot.Storage;

/// <summary>How the activity inboxes (SQLite and PostgreSQL) read back the activities they keep encrypted.</summary>
internal static class ProtectedActivities
{
    /// <summary>
    /// The first column of every row, unprotected. One protected under a key this host does not hold (the keys folder
    /// was deleted, or another host's key ring wrote it) is left out: nothing this host can run; the others still are.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ReadAsync(DbDataReader reader, IDataProtector protector, CancellationToken cancellationToken)
    {
        var activities = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            try
            {
                activities.Add(protector.Unprotect(reader.GetString(0)));
            }
            catch (CryptographicException)
            {
                // Left out, as above.
            }
        }

        return activities;
    }

    /// <summary>
    /// As <see cref="ReadAsync"/>, the rows ordered by their second column (when each was claimed): an <c>UPDATE ...
    /// RETURNING</c> returns its rows in no set order.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ReadOldestFirstAsync(DbDataReader reader, IDataProtector protector, CancellationToken cancellationToken)
    {
        var rows = new List<(string Protected, IComparable At)>();
        while (await reader.ReadAsync(cancellationToken)) rows.Add((reader.GetString(0), (IComparable)reader.GetValue(1)));
        var activities = new List<string>();
        foreach (var (value, _) in rows.OrderBy(r => r.At))
        {
            try
            {
                activities.Add(protector.Unprotect(value));
            }
            catch (CryptographicException)
            {
                // Left out, as above: its lease lapses and a host that holds the key can take it.
            }
        }

        return activities;
    }
}
