using ClinicBot.Embeddings.MiniLm;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;

namespace ClinicBot.Embeddings;

/// <summary>
/// Sentence vectors from all-MiniLM-L6-v2 run locally by ONNX Runtime: WordPiece tokens, the transformer, mean pooling
/// and L2 normalisation (so a dot product is the cosine similarity); from the same pass, the max-pooled vector of the
/// token states (<see cref="EmbedPeak"/>), where one strong clause is not averaged away by a long message.
/// Thread-safe; one instance a process is enough.
/// Nothing is downloaded: the model comes from a NuGet package (<see cref="PackagedMiniLm"/>).
/// </summary>
public sealed class SentenceEmbedder : IDisposable
{
    private static readonly Lazy<SentenceEmbedder> LazyShared = new(() => new SentenceEmbedder(new EmbeddingOptions()));

    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer;
    private readonly VectorCache<TokenPools> _cache;
    private readonly VectorCache<PartedEmbedding> _partedCache;
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
        _cache = new VectorCache<TokenPools>(options.CacheEntries);
        // A message's sentences are read once a turn; training reads them again per candidate. Up to nine vectors an entry.
        _partedCache = new VectorCache<PartedEmbedding>(options.CacheEntries / 8);
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
        return _cache.GetOrAdd(text, Compute).Mean;
    }

    /// <summary>
    /// The unit-length max-pooled vector of a text: per dimension, the largest state of any of its tokens. Computed in
    /// the same pass as <see cref="Embed"/> and cached with it.
    /// </summary>
    public float[] EmbedPeak(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _cache.GetOrAdd(text, Compute).Peak;
    }

    /// <summary>
    /// The vector of a text made of parts (its sentences, say) and the vector of each part, from one pass of the
    /// transformer: the whole is pooled over every token, as <see cref="Embed"/> does for the parts joined by spaces, and
    /// each part over its own tokens (read in the context of the others). A part whose tokens fall beyond the length
    /// limit has no vector of its own (null). One part gives the same vector as <see cref="Embed"/>.
    /// </summary>
    /// <param name="parts">The parts in order; each split off at whitespace, so tokenizing them one by one gives the whole's tokens.</param>
    public PartedEmbedding EmbedParts(IReadOnlyList<string> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0) throw new ArgumentException("At least one part.", nameof(parts));
        if (parts.Count == 1)
        {
            var pools = _cache.GetOrAdd(parts[0], Compute);
            return new PartedEmbedding(pools.Mean, [pools.Mean]) { WholePeak = pools.Peak, PartPeaks = [pools.Peak] };
        }

        return _partedCache.GetOrAdd(string.Join('\n', parts), _ => ComputeParts(parts));
    }

    private PartedEmbedding ComputeParts(IReadOnlyList<string> parts)
    {
        var ids = new List<long>(_maxTokens) { _tokenizer.ClassificationTokenId };
        var ranges = new List<Range>(parts.Count);
        foreach (var part in parts)
        {
            var start = ids.Count;
            var tokens = Tokenize(part);
            for (var t = 1; t < tokens.Length - 1 && ids.Count < _maxTokens - 1; t++) ids.Add(tokens[t]);
            ranges.Add(start..ids.Count);
        }

        ids.Add(_tokenizer.SeparatorTokenId);
        // Pooled straight from ONNX Runtime's output buffer: the whole over every token, each part over its own.
        using var outputs = Run(ids.ToArray());
        var hidden = outputs[0].GetTensorDataAsSpan<float>();
        var pooled = Pool(hidden, 0, ids.Count);
        var whole = _cache.GetOrAdd(string.Join(' ', parts), _ => pooled);
        var vectors = new float[]?[ranges.Count];
        var peaks = new float[]?[ranges.Count];
        for (var i = 0; i < ranges.Count; i++)
        {
            var (start, end) = (ranges[i].Start.Value, ranges[i].End.Value);
            if (end <= start) continue;
            (vectors[i], peaks[i]) = Pool(hidden, start, end);
        }

        return new PartedEmbedding(whole.Mean, vectors) { WholePeak = whole.Peak, PartPeaks = peaks };
    }

    /// <summary>The transformer alone on already tokenized input: the floor a benchmark compares triage against.</summary>
    internal float[] Infer(long[] tokenIds) => InferPools(tokenIds).Mean;

    private TokenPools InferPools(long[] tokenIds)
    {
        using var outputs = Run(tokenIds);
        return Pool(outputs[0].GetTensorDataAsSpan<float>(), 0, tokenIds.Length);
    }

    // One sequence, every token attended to.
    private IDisposableReadOnlyCollection<OrtValue> Run(long[] ids)
    {
        var mask = new long[ids.Length];
        Array.Fill(mask, 1L);
        var shape = new long[] { 1, ids.Length };
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var attention = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var types = OrtValue.CreateTensorValueFromMemory(new long[ids.Length], shape);
        using var runOptions = new RunOptions();
        return _session.Run(
            runOptions,
            new Dictionary<string, OrtValue> { ["input_ids"] = idsValue, ["attention_mask"] = attention, ["token_type_ids"] = types },
            ["last_hidden_state"]);
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

    private TokenPools Compute(string text) => InferPools(Tokenize(text));

    // The mean and the per-dimension maximum of the hidden states of tokens [from, to), each scaled to unit length.
    private TokenPools Pool(ReadOnlySpan<float> hidden, int from, int to)
    {
        var mean = new float[Dimensions];
        var peak = new float[Dimensions];
        hidden.Slice(from * Dimensions, Dimensions).CopyTo(peak);
        for (var t = from; t < to; t++)
        {
            var row = hidden.Slice(t * Dimensions, Dimensions);
            for (var d = 0; d < Dimensions; d++)
            {
                mean[d] += row[d];
                if (row[d] > peak[d]) peak[d] = row[d];
            }
        }

        return new TokenPools(UnitVector.Normalize(mean), UnitVector.Normalize(peak));
    }

    // What one pass gives for a text: its mean-pooled and max-pooled unit vectors.
    private sealed record TokenPools(float[] Mean, float[] Peak);
}
