using ClinicBot.Knowledge.Articles;

namespace ClinicBot.Answering.Generative;

/// <summary>A retrieved passage as numbered in the prompt: the model cites it as <c>[Number]</c>.</summary>
internal sealed record PromptPassage(int Number, Passage Passage, string Title);
