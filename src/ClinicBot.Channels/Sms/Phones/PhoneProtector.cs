using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ClinicBot.Channels.Sms;

/// <summary>
/// What ClinicBot keeps of a phone number: an HMAC-SHA256 id (for lookups and the conversation id), the number encrypted
/// with AES-256-GCM (to send replies), and a mask showing the last four digits (for staff). Never the number in clear.
/// </summary>
internal sealed class PhoneProtector
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[]? _hashKey;
    private readonly byte[]? _encryptionKey;

    public PhoneProtector(IOptions<SmsOptions> options)
    {
        var value = options.Value;
        _hashKey = string.IsNullOrEmpty(value.PhoneHashKey) ? null : Encoding.UTF8.GetBytes(value.PhoneHashKey);
        _encryptionKey = IsValidEncryptionKey(value.PhoneEncryptionKey) ? Convert.FromBase64String(value.PhoneEncryptionKey!) : null;
    }

    /// <summary>Whether both keys are configured.</summary>
    public bool Ready => _hashKey is not null && _encryptionKey is not null;

    public static bool IsValidEncryptionKey(string? key)
    {
        if (string.IsNullOrWhiteSpace(key)) return false;
        var buffer = new byte[key.Length];
        return Convert.TryFromBase64String(key, buffer, out var written) && written == 32;
    }

    /// <summary>The number as stored and compared: trimmed, and for phone numbers only '+' and digits.</summary>
    public static string Normalize(string address)
    {
        var trimmed = address.Trim();
        if (trimmed.Any(char.IsLetter)) return trimmed;
        var digits = new string(trimmed.Where(char.IsAsciiDigit).ToArray());
        return trimmed.StartsWith('+') ? "+" + digits : digits;
    }

    /// <summary>"•••-1234": the last four digits only.</summary>
    public static string Mask(string number)
    {
        var digits = new string(number.Where(char.IsAsciiDigit).ToArray());
        return "•••-" + (digits.Length >= 4 ? digits[^4..] : digits);
    }

    /// <summary>Lowercase hex HMAC-SHA256 of the normalized number.</summary>
    public string Hash(string number) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_hashKey ?? throw NotConfigured(), Encoding.UTF8.GetBytes(number)));

    /// <summary>Base64 of nonce, tag and ciphertext; the hash is bound in as associated data.</summary>
    public string Encrypt(string number, string hash)
    {
        using var aes = new AesGcm(_encryptionKey ?? throw NotConfigured(), TagSize);
        var plain = Encoding.UTF8.GetBytes(number);
        var output = new byte[NonceSize + TagSize + plain.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize), Encoding.ASCII.GetBytes(hash));
        return Convert.ToBase64String(output);
    }

    public string Decrypt(string encrypted, string hash)
    {
        using var aes = new AesGcm(_encryptionKey ?? throw NotConfigured(), TagSize);
        var input = Convert.FromBase64String(encrypted);
        var plain = new byte[input.Length - NonceSize - TagSize];
        aes.Decrypt(input.AsSpan(0, NonceSize), input.AsSpan(NonceSize + TagSize), input.AsSpan(NonceSize, TagSize), plain, Encoding.ASCII.GetBytes(hash));
        return Encoding.UTF8.GetString(plain);
    }

    private static InvalidOperationException NotConfigured() => new("Sms:PhoneHashKey and Sms:PhoneEncryptionKey are not configured.");
}
