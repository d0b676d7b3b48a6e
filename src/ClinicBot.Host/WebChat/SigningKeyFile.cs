using System.Security.Cryptography;

namespace ClinicBot.Host.WebChat;

/// <summary>
/// The Web Chat token signing key when none is configured: made once, kept beside the database (readable by the host's
/// user only), so a restart keeps every open chat's token valid. Several instances must share a configured key instead.
/// </summary>
internal static class SigningKeyFile
{
    public const string FileName = "webchat-signing.key";

    /// <summary>The key in <paramref name="path"/> (base64 of 32 bytes), written there first when the file does not exist.</summary>
    public static string LoadOrCreate(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        if (!File.Exists(path))
        {
            var fresh = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                using var stream = new FileStream(path, options);
                using var writer = new StreamWriter(stream);
                writer.Write(fresh);
                writer.Flush();
                stream.Flush(flushToDisk: true);
                return fresh;
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process made it first: use theirs.
            }
        }

        return File.ReadAllText(path).Trim();
    }
}
