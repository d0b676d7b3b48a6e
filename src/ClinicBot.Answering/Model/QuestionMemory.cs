using ClinicBot.Embeddings;

namespace ClinicBot.Answering.Model;

/// <summary>
/// The training questions' vectors, whether the articles answer each, and which article sentences do. A new question
/// close to questions the articles answer is likely answerable, and likely answered by the sentences that answered
/// them; one closest to price, insurance or driving questions likely is not answerable. Vectors are stored as signed
/// bytes (<see cref="QuantizedVectors"/>).
/// </summary>
public sealed class QuestionMemory
{
    private const int Neighbours = 5;

    private readonly QuantizedVectors _vectors;
    private readonly RememberedQuestion[] _questions;

    /// <summary>Quantizes the questions' unit vectors (the memory holds exactly what its file will).</summary>
    public QuestionMemory(IReadOnlyList<RememberedQuestion> questions)
        : this(new QuantizedVectors(questions.Select(q => q.Vector)), questions)
    {
    }

    private QuestionMemory(QuantizedVectors vectors, IReadOnlyList<RememberedQuestion> questions)
    {
        _vectors = vectors;
        _questions = questions.Select((q, i) => q with { Vector = vectors[i] }).ToArray();
    }

    /// <summary>How many questions it holds.</summary>
    public int Count => _questions.Length;

    /// <summary>How a question vector compares with the remembered questions.</summary>
    public MemoryMatch Compare(ReadOnlySpan<float> query)
    {
        if (_questions.Length == 0) return MemoryMatch.None;
        var similarities = _vectors.Similarities(query);

        float nearestAnswerable = 0, nearestUnanswerable = 0;
        var support = new Dictionary<string, float>(StringComparer.Ordinal);
        for (var i = 0; i < _questions.Length; i++)
        {
            if (!_questions[i].Answerable)
            {
                nearestUnanswerable = Math.Max(nearestUnanswerable, similarities[i]);
                continue;
            }

            nearestAnswerable = Math.Max(nearestAnswerable, similarities[i]);
            foreach (var key in _questions[i].Answers)
            {
                if (!support.TryGetValue(key, out var best) || similarities[i] > best) support[key] = similarities[i];
            }
        }

        var nearest = QuantizedVectors.Nearest(similarities, Neighbours);
        var total = nearest.Sum(i => Math.Max(similarities[i], 0));
        var vote = total <= 0 ? 0.5f : nearest.Where(i => _questions[i].Answerable).Sum(i => Math.Max(similarities[i], 0)) / total;
        return new MemoryMatch(nearestAnswerable, nearestUnanswerable, vote, support);
    }

    /// <summary>The vectors as Base64 of the concatenated bytes, for the model file.</summary>
    public string EncodeVectors() => _vectors.Encode();

    /// <summary>The labels as a string of 1 (answerable) and 0, for the model file.</summary>
    public string EncodeLabels() => new(_questions.Select(q => q.Answerable ? '1' : '0').ToArray());

    /// <summary>Each question's answering sentence keys joined by '|', for the model file.</summary>
    public List<string> EncodeAnswers() => _questions.Select(q => string.Join('|', q.Answers)).ToList();

    /// <summary>Reads what the Encode methods wrote.</summary>
    /// <exception cref="InvalidDataException">The sizes do not agree.</exception>
    public static QuestionMemory Decode(string vectors, string labels, IReadOnlyList<string>? answers, int dimensions)
    {
        var decoded = QuantizedVectors.Decode(vectors, dimensions);
        if (decoded.Count != labels.Length || (answers is not null && answers.Count != labels.Length))
        {
            throw new InvalidDataException("question memory: vectors, labels and answers do not agree.");
        }

        return new QuestionMemory(decoded, Enumerable.Range(0, labels.Length).Select(i => new RememberedQuestion(
            decoded[i],
            labels[i] == '1',
            answers is null || answers[i].Length == 0 ? [] : answers[i].Split('|'))).ToList());
    }
}

/// <summary>A training question as the memory keeps it.</summary>
/// <param name="Vector">Its unit vector (as the answerer reads it: glossed, with the previous question for a follow-up).</param>
/// <param name="Answerable">Whether the articles answer it.</param>
/// <param name="Answers">The keys (<c>IPassageIndex.SentenceKey</c>) of the sentences that answer it.</param>
public sealed record RememberedQuestion(float[] Vector, bool Answerable, IReadOnlyList<string> Answers);

/// <summary>How a question compares with the remembered ones.</summary>
/// <param name="NearestAnswerable">Highest similarity to an answerable question.</param>
/// <param name="NearestUnanswerable">Highest similarity to an unanswerable question.</param>
/// <param name="NeighbourVote">Similarity-weighted share of answerable questions among the nearest five.</param>
/// <param name="SentenceSupport">For each sentence that answered a remembered question: the highest similarity of such a question.</param>
public sealed record MemoryMatch(float NearestAnswerable, float NearestUnanswerable, float NeighbourVote, IReadOnlyDictionary<string, float> SentenceSupport)
{
    /// <summary>No memory: neutral values.</summary>
    public static MemoryMatch None { get; } = new(0, 0, 0.5f, new Dictionary<string, float>());
}
