using System.Text.Json;

namespace ClinicBot.Cli.Tests.Ask;

/// <summary>
/// <c>ask --jsonl</c> is a public contract clinics' tooling reads: the real program, started as a process,
/// one reply JSON per input line, in order, each with route, text, sources and escalation.
/// </summary>
public sealed class AskJsonLinesTests : IDisposable
{
    private readonly string _workingDirectory = Directory.CreateTempSubdirectory("clinicbot-cli-").FullName;

    [Fact]
    public async Task AskJsonl_ThreeQuestions_ThreeRepliesInOrderWithContractFields()
    {
        var input = string.Join('\n',
            """{"text": "What are the common side effects of ketamine therapy?", "channel": "web", "locale": "en"}""",
            """{"text": "how long is each sesh", "channel": "sms", "locale": "en"}""",
            """{"text": "Is ketamine addictive?"}""");

        var (exitCode, lines, _) = await RunAsync(input, "ask", "--jsonl");

        Assert.Equal(0, exitCode);
        Assert.Equal(3, lines.Count);
        var replies = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        foreach (var reply in replies)
        {
            Assert.True(reply.TryGetProperty("text", out _));
            Assert.Equal(JsonValueKind.Array, reply.GetProperty("sources").ValueKind);
            Assert.True(reply.TryGetProperty("escalation", out _));
        }

        Assert.Equal("answer", replies[0].GetProperty("route").GetString());
        Assert.Contains("science-of-ketamine-therapy-sacramento", replies[0].GetProperty("sources").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("answer", replies[1].GetProperty("route").GetString());
        Assert.True(replies[1].GetProperty("text").GetString()!.Length <= 320);
        Assert.Equal("abstain", replies[2].GetProperty("route").GetString());
        Assert.True(File.Exists(Path.Combine(_workingDirectory, "data", "clinicbot.db")), "the default database file is data/clinicbot.db");
    }

    [Fact]
    public async Task AskJsonl_BadLine_ReportsItAndStillAnswersTheRest()
    {
        var (exitCode, lines, error) = await RunAsync("not json\n{\"text\": \"What is ketamine therapy?\"}\n{\"text\": \"hi\", \"channel\": \"fax\"}", "ask", "--jsonl");

        Assert.Equal(2, exitCode);
        Assert.Equal(3, lines.Count);
        Assert.Contains("line 1", error, StringComparison.Ordinal);
        Assert.True(JsonDocument.Parse(lines[0]).RootElement.TryGetProperty("error", out _));
        Assert.Equal("answer", JsonDocument.Parse(lines[1]).RootElement.GetProperty("route").GetString());
        Assert.Contains("channel", JsonDocument.Parse(lines[2]).RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_UnknownOption_ExitsWithUsage()
    {
        var (exitCode, _, error) = await RunAsync("", "ask", "hello", "--colour", "red");

        Assert.Equal(2, exitCode);
        Assert.Contains("usage", error, StringComparison.Ordinal);
    }

    private Task<(int ExitCode, List<string> Lines, string Error)> RunAsync(string input, params string[] args) =>
        CliProcess.RunAsync(_workingDirectory, input, args);

    public void Dispose() => Directory.Delete(_workingDirectory, recursive: true);
}
