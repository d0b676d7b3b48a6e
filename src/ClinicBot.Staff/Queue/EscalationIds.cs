using System.Security.Cryptography;
using System.Text;

namespace ClinicBot.Staff.Queue;

/// <summary>The id of the escalation a message raises: the same for every run of that message's turn.</summary>
internal static class EscalationIds
{
    /// <summary>32 hex digits of the SHA-256 of the message key (the key names the patient's message, never its text).</summary>
    public static string Of(string messageKey) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("escalation:" + messageKey)))[..32];
}
