using ClinicBot.Embeddings.MiniLm;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;

namespace ClinicBot.Embeddings;

/// <summary>
/// Sentence vectors from all-MiniLM-L6-v2 run locally by ONNX Runtime: WordPiece tokens, the transformer, mean pooling
/// and L2 normalisation (so a dot product is the cosine similarity). Thread-safe; one instance a process is enough.
/// Nothing is downloaded: the model comes from a NuGet package (<see cref="PackagedMiniLm"/>).
/// </summary>
public sealed class SentenceEmbedder : IDisposable
{
    private static readonly Lazy<SentenceEmbedder> LazyShared = new(() => new SentenceEmbedder(new EmbeddingOptions()));

    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer;
    private readonly VectorCache _cache;
    private readonly int _maxTokens;

    /// <summary>Loads the model (about half a second and 100 MB; the first time, copies it to the cache directory).</summary>
    public SentenceEmbedder(EmbeddingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = Math.Max(1, options.IntraOpThreads),
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            // One short message at a time: an arena sized for the largest batch would only hold memory.
            EnableCpuMemArena = false,
        };
        _session = new InferenceSession(PackagedMiniLm.ModelFile(options.ModelCacheDirectory), sessionOptions);
        using var vocabularyStream = new MemoryStream(PackagedMiniLm.Vocabulary());
        _tokenizer = BertTokenizer.Create(vocabularyStream, new BertOptions { LowerCaseBeforeTokenization = true });
        _cache = new VectorCache(options.CacheEntries);
        _maxTokens = Math.Max(8, options.MaxTokens);
        Dimensions = _session.OutputMetadata["last_hidden_state"].Dimensions[^1];
    }

    /// <summary>One model for the whole process (the host, the CLI and the tests share it).</summary>
    public static SentenceEmbedder Shared => LazyShared.Value;

    /// <summary>The model's name, recorded with every head trained on its vectors.</summary>
    public static string ModelName => PackagedMiniLm.Name;

    /// <summary>Length of every vector (384).</summary>
    public int Dimensions { get; }

    /// <summary>The unit-length vector of a text; the same text is computed once while it stays in the cache.</summary>
    public float[] Embed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _cache.GetOrAdd(text, Compute);
    }

    /// <summary>The transformer alone on already tokenized input: the floor a benchmark compares triage against.</summary>
    internal float[] Infer(long[] tokenIds) => InferBatch([tokenIds])[0];

    private float[][] InferBatch(IReadOnlyList<long[]> batch)
    {
        var length = batch.Max(t => t.Length);
        var ids = new long[batch.Count * length];
        var mask = new long[batch.Count * length];
        for (var b = 0; b < batch.Count; b++)
        {
            batch[b].CopyTo(ids, b * length);
            Array.Fill(mask, 1L, b * length, batch[b].Length);
        }

        var shape = new long[] { batch.Count, length };
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var attention = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var types = OrtValue.CreateTensorValueFromMemory(new long[ids.Length], shape);
        using var runOptions = new RunOptions();
        using var outputs = _session.Run(
            runOptions,
            new Dictionary<string, OrtValue> { ["input_ids"] = idsValue, ["attention_mask"] = attention, ["token_type_ids"] = types },
            ["last_hidden_state"]);
        var hidden = outputs[0].GetTensorDataAsSpan<float>();
        var vectors = new float[batch.Count][];
        for (var b = 0; b < batch.Count; b++)
        {
            vectors[b] = MeanPoolNormalized(hidden.Slice(b * length * Dimensions, length * Dimensions), batch[b].Length);
        }

        return vectors;
    }

    /// <summary>Word-piece ids of a text, [CLS] and [SEP] included, cut at the configured maximum.</summary>
    internal long[] Tokenize(string text)
    {
        var ids = _tokenizer.EncodeToIds(text, _maxTokens, out _, out _);
        var result = new long[ids.Count];
        for (var i = 0; i < ids.Count; i++) result[i] = ids[i];
        return result;
    }

    /// <inheritdoc />
    public void Dispose() => _session.Dispose();

    private float[] Compute(string text) => Infer(Tokenize(text));

    private float[] MeanPoolNormalized(ReadOnlySpan<float> hidden, int tokens)
    {
        var vector = new float[Dimensions];
        for (var t = 0; t < tokens; t++)
        {
            var row = hidden.Slice(t * Dimensions, Dimensions);
            for (var d = 0; d < Dimensions; d++) vector[d] += row[d];
        }

        var norm = 0f;
        foreach (var value in vector) norm += value * value;
        norm = MathF.Sqrt(norm);
        if (norm > 0) for (var d = 0; d < Dimensions; d++) vector[d] /= norm;
        return vector;
    }
}
