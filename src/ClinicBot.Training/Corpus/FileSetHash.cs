using System.Security.Cryptography;
using System.Text;

namespace ClinicBot.Training.Corpus;

/// <summary>SHA-256 over files in order (each file's name, then its bytes): what a model file records it was fitted on.</summary>
public static class FileSetHash
{
    /// <summary>The lower-case hex hash of the files, in the order given.</summary>
    public static string Of(IEnumerable<string> files)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(file) + "\n"));
            sha.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
