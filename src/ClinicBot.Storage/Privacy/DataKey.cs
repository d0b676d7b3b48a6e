using System.Security.Cryptography;

namespace ClinicBot.Storage.Privacy;

/// <summary>
/// One AES-256 key and its id: the first eight hex digits of the key's SHA-256, so a row names the key that wrote it
/// without configuration naming keys (and without the id revealing the key).
/// </summary>
internal sealed record DataKey(string Id, byte[] Bytes)
{
    public const int Size = 32;

    /// <summary>The key a Base64 setting holds, or null when it is not the Base64 of 32 bytes.</summary>
    public static DataKey? TryParse(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64)) return null;
        var buffer = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64.Trim(), buffer, out var written) || written != Size) return null;
        var bytes = buffer[..Size];
        return new DataKey(Convert.ToHexStringLower(SHA256.HashData(bytes))[..8], bytes);
    }

    /// <summary>A new random key, as Base64.</summary>
    public static string NewBase64() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(Size));
}
