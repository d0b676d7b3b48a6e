using System.Security.Cryptography;
using ClinicBot.Storage.Privacy;

namespace ClinicBot.Storage.Tests.Privacy;

/// <summary>The value format: <c>v1:&lt;keyId&gt;:&lt;Base64(nonce | ciphertext | tag)&gt;</c>, bound to its column, read by any configured key.</summary>
public sealed class PatientTextCipherTests
{
    private static readonly string Key = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());
    private static readonly string OtherKey = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(i + 100)).ToArray());

    [Fact]
    public void Protect_Text_VersionKeyIdAndNoClearTextThenRevealsIt()
    {
        var cipher = PatientTextCipher.FromKeys(Key);

        var stored = cipher.Protect("Marisol, 04/17/1987", ProtectedColumn.TranscriptText);

        Assert.StartsWith($"v1:{cipher.CurrentKeyId}:", stored, StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{8}$", cipher.CurrentKeyId);
        Assert.DoesNotContain("Marisol", stored, StringComparison.Ordinal);
        Assert.Equal(12 + "Marisol, 04/17/1987".Length + 16, Convert.FromBase64String(stored[cipher.CurrentPrefix.Length..]).Length);
        Assert.NotEqual(stored, cipher.Protect("Marisol, 04/17/1987", ProtectedColumn.TranscriptText));
        Assert.Equal("Marisol, 04/17/1987", cipher.Reveal(stored, ProtectedColumn.TranscriptText));
    }

    [Fact]
    public void Reveal_ValueMovedToAnotherColumn_Fails()
    {
        var cipher = PatientTextCipher.FromKeys(Key);

        var stored = cipher.Protect("Marisol", ProtectedColumn.EscalationPatient);

        Assert.ThrowsAny<CryptographicException>(() => cipher.Reveal(stored, ProtectedColumn.TranscriptText));
    }

    [Fact]
    public void Reveal_Altered_Fails()
    {
        var cipher = PatientTextCipher.FromKeys(Key);
        var stored = cipher.Protect("Marisol", ProtectedColumn.TranscriptText);
        var bytes = Convert.FromBase64String(stored[cipher.CurrentPrefix.Length..]);
        bytes[14] ^= 1;

        Assert.ThrowsAny<CryptographicException>(() => cipher.Reveal(cipher.CurrentPrefix + Convert.ToBase64String(bytes), ProtectedColumn.TranscriptText));
    }

    [Fact]
    public void Reveal_UnderPreviousKey_ReadUnderAnUnknownKey_FailsNamingTheSetting()
    {
        var stored = PatientTextCipher.FromKeys(OtherKey).Protect("hello", ProtectedColumn.PatientOutboxText);

        Assert.Equal("hello", PatientTextCipher.FromKeys(Key, OtherKey).Reveal(stored, ProtectedColumn.PatientOutboxText));
        var failure = Assert.ThrowsAny<CryptographicException>(() => PatientTextCipher.FromKeys(Key).Reveal(stored, ProtectedColumn.PatientOutboxText));
        Assert.Contains("Privacy:PreviousDataKeys", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("What should I eat before my infusion?")]
    [InlineData("v1: is how I label my notes")]
    [InlineData("")]
    public void Reveal_LegacyClearText_ReturnedAsItIs(string legacy) =>
        Assert.Equal(legacy, PatientTextCipher.FromKeys(Key).Reveal(legacy, ProtectedColumn.TranscriptText));

    [Theory]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("AAAA")]
    public void FromKeys_NotBase64Of32Bytes_FailsNamingTheSetting(string key) =>
        Assert.Contains("Privacy:DataKey", Assert.Throws<InvalidOperationException>(() => PatientTextCipher.FromKeys(key)).Message, StringComparison.Ordinal);
}
