using ClinicBot.Answering.Confidence;
using ClinicBot.Answering.Model;
using ClinicBot.Answering.Retrieval;
using ClinicBot.Embeddings;
using ClinicBot.Testing;
using ClinicBot.Training.Answers;

namespace ClinicBot.Answering.Tests.Model;

/// <summary>
/// <c>prompts/answering/answer-model.json</c> is fitted on the examples, the articles, the lexicon, the answering rules
/// and the Spanish glossary: when any of them changes, the heads no longer describe what the answerer sees.
/// </summary>
public sealed class AnswerModelFreshnessTests
{
    private static string ModelPath => Path.Combine(RepositoryPaths.Prompts, "answering", AnswerModelFile.FileName);

    [Fact]
    public void AnswerModel_InputsHash_MatchesTheTrainingInputs()
    {
        var file = AnswerModelFile.Read(ModelPath);

        Assert.NotNull(file);
        Assert.True(
            file.InputsSha256 == AnswerCorpus.TrainingInputsHash(RepositoryPaths.Prompts, RepositoryPaths.Knowledge),
            "prompts/answering (examples, required-evidence, follow-ups, not-quoted), knowledge/ or prompts/safety/gloss/es.yaml changed since the answer model was trained: retrain with `clinicbot train answers` (dotnet run --project src/ClinicBot.Cli -- train answers).");
    }

    [Fact]
    public void AnswerModel_File_LoadsForTheEmbeddingModel()
    {
        var file = AnswerModelFile.Read(ModelPath);

        Assert.NotNull(file);
        Assert.Equal(SentenceEmbedder.ModelName, file.EmbeddingModel);
        Assert.True(file.AnswerThreshold is > 0 and < 1, $"answer threshold {file.AnswerThreshold} is not a probability strictly between 0 and 1");
        Assert.Equal(RelevanceFeatures.Names, file.Relevance.Features);
        Assert.Equal(AnswerSignals.Names, file.Answer.Features);
        Assert.Equal(SentenceEmbedder.Shared.Dimensions, file.Dimensions);

        var model = file.ToModel();
        Assert.Equal(file.AnswerThreshold, model.AnswerThreshold);
        Assert.NotNull(model.Prior);
        Assert.Equal(file.Dimensions, model.Prior.Weights.Count);
        Assert.NotNull(model.Memory);
        Assert.NotNull(file.MemoryLabels);
        Assert.Equal(file.MemoryLabels.Length, model.Memory.Count);
        Assert.Equal(Convert.FromBase64String(file.MemoryVectors!).Length, model.Memory.Count * file.Dimensions);
        Assert.True(file.MemoryAnswers is null || file.MemoryAnswers.Count == file.MemoryLabels.Length, "memory_answers: one entry a remembered question");
        Assert.Contains('1', file.MemoryLabels);
        Assert.Contains('0', file.MemoryLabels);
    }
}
