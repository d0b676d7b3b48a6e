namespace ClinicBot.Embeddings;

/// <summary>Float32 vectors as Base64 of their little-endian bytes: how model files store weights and vectors compactly.</summary>
public static class FloatCodec
{
    /// <summary>The values as Base64.</summary>
    public static string Encode(IReadOnlyList<float> values)
    {
        var bytes = new byte[values.Count * sizeof(float)];
        Buffer.BlockCopy(values as float[] ?? values.ToArray(), 0, bytes, 0, bytes.Length);
        return Convert.ToBase64String(bytes);
    }

    /// <summary>The values <see cref="Encode"/> wrote.</summary>
    /// <exception cref="FormatException">The text is not Base64.</exception>
    public static float[] Decode(string base64)
    {
        var bytes = Convert.FromBase64String(base64);
        var values = new float[bytes.Length / sizeof(float)];
        Buffer.BlockCopy(bytes, 0, values, 0, values.Length * sizeof(float));
        return values;
    }
}
