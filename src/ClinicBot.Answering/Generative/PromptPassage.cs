using ClinicBot.Knowledge.Articles;

namespace ClinicBot.Answering.Generative;

/// <summary>A retrieved passage as numbered in the prompt: the model cites it as <c>[Number]</c>.</summary>
internal sealed record PromptPassage(int Number, Passage Passage, string Title)
{
    /// <summary>The passage as one line of the prompt's <c>passages</c> variable: <c>[2] Title — Heading: text</c>.</summary>
    public string ToPromptLine() =>
        $"[{Number}] {Title}{(string.IsNullOrEmpty(Passage.Heading) ? "" : " — " + Passage.Heading)}: {Passage.Text}";
}
