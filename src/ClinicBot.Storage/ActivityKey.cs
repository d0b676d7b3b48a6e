using System.Security.Cryptography;
using System.Text;

namespace ClinicBot.Storage;

/// <summary>
/// How the activity ledgers and inboxes (SQLite and PostgreSQL) store a key: its SHA-256 in hex, as keys hold conversation ids (an SMS one can
/// hold a phone number).
/// </summary>
internal static class ActivityKey
{
    public static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
