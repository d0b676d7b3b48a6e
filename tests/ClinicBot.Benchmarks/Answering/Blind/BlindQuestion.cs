using ClinicBot.Answering;
using ClinicBot.Training.Answers;

namespace ClinicBot.Benchmarks.Answering.Blind;

/// <summary>A question of the blind split, ready to answer: the request carries the message's vector, computed once.</summary>
/// <param name="Example">The authored question with its sources and key facts.</param>
/// <param name="Request">What ClinicBot is asked: the message, its last previous question and <see cref="AnswerRequest.Embedding"/>.</param>
internal sealed record BlindQuestion(AnswerExample Example, AnswerRequest Request)
{
    /// <summary>The message's vector (of its English gloss when Spanish), as triage computes it.</summary>
    public float[] Vector => Request.Embedding!;

    /// <summary>The message on its own, as the peers read it: they know nothing of the conversation.</summary>
    public AnswerRequest Message { get; } = Request with { Previous = null };
}
