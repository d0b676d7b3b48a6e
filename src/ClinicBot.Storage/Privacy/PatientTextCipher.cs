using System.Security.Cryptography;
using System.Text;

namespace ClinicBot.Storage.Privacy;

/// <summary>
/// Encrypts patient text for the database with AES-256-GCM (<see cref="AesGcm"/>; nothing else hand-made): a value is
/// <c>v1:&lt;keyId&gt;:&lt;Base64(nonce | ciphertext | tag)&gt;</c>, with a random 96-bit nonce, a 128-bit tag and its
/// table and column as associated data. Reads take the current key or any previous one by id; a value without the
/// prefix is legacy clear text from before encryption and is read as it is (<c>clinicbot rotate-key</c> encrypts it).
/// </summary>
public sealed class PatientTextCipher
{
    private const string Version = "v1";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly DataKey _current;
    private readonly Dictionary<string, DataKey> _keys = new(StringComparer.Ordinal);

    internal PatientTextCipher(DataKey current, IEnumerable<DataKey> previous)
    {
        _current = current;
        foreach (var key in previous) _keys[key.Id] = key;
        _keys[current.Id] = current;
    }

    /// <summary>A cipher writing under <paramref name="dataKey"/> and reading also under <paramref name="previousDataKeys"/> (Base64 of 32 bytes each).</summary>
    public static PatientTextCipher FromKeys(string dataKey, params string[] previousDataKeys) =>
        PatientTextKeys.Cipher(new PrivacyOptions { DataKey = dataKey, PreviousDataKeys = [.. previousDataKeys] });

    /// <summary>The id of the key values are written under.</summary>
    public string CurrentKeyId => _current.Id;

    /// <summary>The prefix of every value written under the current key.</summary>
    public string CurrentPrefix => $"{Version}:{_current.Id}:";

    /// <summary>The value to store in <paramref name="column"/>.</summary>
    public string Protect(string text, ProtectedColumn column)
    {
        var plain = Encoding.UTF8.GetBytes(text);
        var sealedBytes = new byte[NonceSize + plain.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_current.Bytes, TagSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize, plain.Length), sealedBytes.AsSpan(NonceSize + plain.Length), column.AssociatedData);
        return CurrentPrefix + Convert.ToBase64String(sealedBytes);
    }

    /// <summary>The text a value of <paramref name="column"/> holds; a value without the prefix is returned as it is.</summary>
    /// <exception cref="CryptographicException">Its key is not configured, or it was altered or moved from another column.</exception>
    public string Reveal(string stored, ProtectedColumn column)
    {
        if (!IsProtected(stored)) return stored;
        var keyEnd = stored.IndexOf(':', Version.Length + 1);
        var keyId = stored[(Version.Length + 1)..keyEnd];
        if (!_keys.TryGetValue(keyId, out var key))
        {
            throw new CryptographicException($"The {column.Table}.{column.Column} value is under data key {keyId}, which is not configured: add it to Privacy:PreviousDataKeys.");
        }

        var sealedBytes = Convert.FromBase64String(stored[(keyEnd + 1)..]);
        if (sealedBytes.Length < NonceSize + TagSize) throw new CryptographicException($"The {column.Table}.{column.Column} value is truncated.");
        var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key.Bytes, TagSize);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, plain.Length), sealedBytes.AsSpan(NonceSize + plain.Length), plain, column.AssociatedData);
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>Whether a stored value is in this format (otherwise it is legacy clear text).</summary>
    public static bool IsProtected(string stored) =>
        stored.StartsWith(Version + ":", StringComparison.Ordinal) && stored.IndexOf(':', Version.Length + 1) > Version.Length + 1;
}
