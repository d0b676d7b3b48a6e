using System.Text.Json.Serialization;

namespace ClinicBot.Training.Answers;

/// <summary>One authored question (format in <c>tests/data/answers/README.md</c>).</summary>
public sealed class AnswerExample
{
    /// <summary>The question as a patient would write it.</summary>
    public string Text { get; set; } = "";

    /// <summary>"web" or "sms".</summary>
    public string Channel { get; set; } = "web";

    /// <summary>"en" or "es".</summary>
    public string Locale { get; set; } = "en";

    /// <summary>Whether the articles answer it.</summary>
    public bool Answerable { get; set; }

    /// <summary>The ids of the articles that answer it.</summary>
    public List<string> Sources { get; set; } = [];

    /// <summary>The article sentences that answer it, exactly as written.</summary>
    public List<string> Sentences { get; set; } = [];

    /// <summary>Each fact a right answer states, as alternatives.</summary>
    [JsonPropertyName("key_facts")]
    public List<List<string>> KeyFacts { get; set; } = [];

    /// <summary>For a follow-up: the conversation's earlier questions, oldest first.</summary>
    public List<string>? Previous { get; set; }

    /// <summary>What it asks, what makes it hard.</summary>
    public string? Note { get; set; }

    /// <summary>Which file it came from (for reports).</summary>
    [JsonIgnore]
    public string File { get; set; } = "";

    /// <summary>Whether it leans on earlier questions.</summary>
    public bool IsFollowUp => Previous is { Count: > 0 };
}
