using System.Text.Json;

namespace ClinicBot.Cli.Tests.Triage;

/// <summary>The triage model from the command line: how a clinician sees why, and the retraining command's guard rails.</summary>
public sealed class TriageCommandsTests : IDisposable
{
    private readonly string _workingDirectory = Directory.CreateTempSubdirectory("clinicbot-cli-").FullName;

    [Fact]
    public async Task AskExplain_ObliqueCrisis_ShowsRulesAndModelProbabilities()
    {
        var (exitCode, lines, _) = await CliProcess.RunAsync(_workingDirectory, "", "ask", "honestly everyone would be fine without me around", "--explain");

        Assert.Equal(0, exitCode);
        Assert.StartsWith("triage: crisis", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("rules:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("model: crisis", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AskJson_CrisisReply_ReasonsCarryTheModelScore()
    {
        var (exitCode, lines, _) = await CliProcess.RunAsync(_workingDirectory, "", "ask", "ive been saving up my sleeping pills and i think this weekend is it", "--json");

        var reply = JsonDocument.Parse(lines.Single()).RootElement;
        Assert.Equal(0, exitCode);
        Assert.Equal("crisis", reply.GetProperty("route").GetString());
        Assert.Contains(reply.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.StartsWith("model.crisis:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TrainTriage_NoExamplesFolder_ExitsWithUsage()
    {
        var (exitCode, _, error) = await CliProcess.RunAsync(_workingDirectory, "", "train", "triage", "--safety", Path.Combine(_workingDirectory, "nowhere"));

        Assert.Equal(2, exitCode);
        Assert.Contains("no examples folder", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrainTriage_UnknownOption_ExitsWithUsage()
    {
        var (exitCode, _, error) = await CliProcess.RunAsync(_workingDirectory, "", "train", "triage", "--epochs", "5");

        Assert.Equal(2, exitCode);
        Assert.Contains("usage: clinicbot train triage", error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_workingDirectory, recursive: true);
}
