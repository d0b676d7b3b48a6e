using System.Security.Cryptography;
using System.Text;

namespace ClinicBot.Staff.Queue;

/// <summary>
/// How a patient is named in staff lists and notifications: a short code derived from the conversation id, so staff
/// can tell conversations apart without a phone number or name ever appearing in a list.
/// </summary>
public static class PatientDisplayId
{
    /// <summary>"web-1a2b3c" or "sms-1a2b3c".</summary>
    public static string For(string channel, string conversationId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(conversationId));
        return $"{channel}-{Convert.ToHexStringLower(hash)[..6]}";
    }
}
