namespace ClinicBot.Answering;

/// <summary>Tuning of the extractive answerer, bound from the <c>Answering</c> configuration section.</summary>
public sealed class AnsweringOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "Answering";

    /// <summary>
    /// Without the learned answer model (no <c>answer-model.json</c> or no embedding model): the share of the question's
    /// weighted concepts the chosen sentences must mention before the bot answers rather than abstains. Default 0.5.
    /// </summary>
    public double MinimumCoverage { get; set; } = 0.5;

    /// <summary>Passages taken from the index before sentences are scored. Default 30.</summary>
    public int CandidatePassages { get; set; } = 30;

    /// <summary>Sentences nearest the question's vector added to the retrieved passages' sentences. Default 40.</summary>
    public int DenseCandidates { get; set; } = 40;

    /// <summary>Most article sentences in a web answer. Default 5.</summary>
    public int MaxWebSentences { get; set; } = 5;

    /// <summary>Most characters of article text in a web answer. Default 1000.</summary>
    public int MaxWebCharacters { get; set; } = 1000;

    /// <summary>Most characters of a whole SMS answer, citation and notice included: two GSM-7 segments. Default 320.</summary>
    public int MaxSmsCharacters { get; set; } = 320;

    /// <summary>A further sentence joins the answer only if it scores at least this share of the best one. Default 0.55.</summary>
    public double RelativeSentenceScore { get; set; } = 0.55;
}
