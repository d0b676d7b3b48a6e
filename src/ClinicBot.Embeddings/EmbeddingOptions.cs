namespace ClinicBot.Embeddings;

/// <summary>How the local sentence embedding model runs. Bound from the <c>Embeddings</c> configuration section.</summary>
public sealed class EmbeddingOptions
{
    /// <summary>Threads ONNX Runtime may use for one message. Default: 2 (one message in about 3 ms on 2 cores).</summary>
    public int IntraOpThreads { get; set; } = 2;

    /// <summary>Longest input in word pieces, [CLS] and [SEP] included; the rest of a longer message is not embedded (rules still read it). Default: 256.</summary>
    public int MaxTokens { get; set; } = 256;

    /// <summary>
    /// Where the ONNX graph is copied out of the NuGet package the first time, so ONNX Runtime can load it by path.
    /// Default: <c>clinicbot</c> in the system's temporary folder.
    /// </summary>
    public string ModelCacheDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "clinicbot");

    /// <summary>Texts whose vectors (mean- and max-pooled) are kept in memory by exact text, so the previous messages of a conversation are not embedded again. Default: 4096 (about 12 MB).</summary>
    public int CacheEntries { get; set; } = 4096;
}
