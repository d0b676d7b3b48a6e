using ClinicBot.Knowledge.Search;

namespace ClinicBot.Answering.Retrieval;

/// <summary>A question as retrieval reads it.</summary>
/// <param name="Analysis">Its weighted concepts (with the previous question's when it is a follow-up).</param>
/// <param name="Vector">Its sentence vector (of the follow-up read with the previous question); null without the model.</param>
/// <param name="IsFollowUp">Whether it was read together with the previous question.</param>
public sealed record ReadQuestion(QueryAnalysis Analysis, float[]? Vector, bool IsFollowUp);
