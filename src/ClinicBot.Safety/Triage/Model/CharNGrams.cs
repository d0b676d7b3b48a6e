using System.Globalization;
using System.Text;

namespace ClinicBot.Safety.Triage.Model;

/// <summary>
/// Character n-grams of a message hashed into a fixed number of buckets (log counts, unit length). They let the model
/// see "sucide", "kil my self" and "suicidio" as close to the words it learned, where word pieces fall apart.
/// </summary>
internal sealed class CharNGrams(int buckets, int minimum, int maximum)
{
    public int Buckets { get; } = buckets;

    /// <summary>The non-zero buckets of a text and their weights, in bucket order.</summary>
    public (int[] Indices, float[] Values) Featurize(string text)
    {
        var clean = Clean(text);
        var counts = new Dictionary<int, float>();
        for (var n = minimum; n <= maximum; n++)
        {
            for (var start = 0; start + n <= clean.Length; start++)
            {
                var bucket = (int)(Fnv1a(clean.AsSpan(start, n)) % (uint)Buckets);
                counts[bucket] = counts.GetValueOrDefault(bucket) + 1;
            }
        }

        var indices = counts.Keys.Order().ToArray();
        var values = new float[indices.Length];
        var norm = 0.0;
        for (var i = 0; i < indices.Length; i++)
        {
            values[i] = (float)Math.Log(1 + counts[indices[i]]);
            norm += values[i] * values[i];
        }

        if (norm > 0) for (var i = 0; i < values.Length; i++) values[i] = (float)(values[i] / Math.Sqrt(norm));
        return (indices, values);
    }

    // Lower case, no accents, letters and digits only, runs of a letter cut to two ("sooo" = "soo"), one space between words.
    private static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append(' ');
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            var lower = char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ';
            var length = builder.Length;
            if (lower == ' ' && builder[length - 1] == ' ') continue;
            if (lower != ' ' && length >= 2 && builder[length - 1] == lower && builder[length - 2] == lower) continue;
            builder.Append(lower);
        }

        if (builder[^1] != ' ') builder.Append(' ');
        return builder.ToString();
    }

    private static uint Fnv1a(ReadOnlySpan<char> span)
    {
        var hash = 2166136261u;
        foreach (var c in span)
        {
            hash ^= c;
            hash *= 16777619u;
        }

        return hash;
    }
}
