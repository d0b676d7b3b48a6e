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
}
