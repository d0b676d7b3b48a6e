namespace ClinicBot.Training.Corpus;

/// <summary>
/// FNV-1a over a text's characters: the same text lands in the same split and fold on every machine and run
/// (string.GetHashCode is randomised per process).
/// </summary>
public static class StableHash
{
    /// <summary>The 32-bit FNV-1a hash of the lower-cased text.</summary>
    public static uint Of(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text.ToLowerInvariant())
        {
            hash ^= c;
            hash *= 16777619u;
        }

        return hash;
    }
}
