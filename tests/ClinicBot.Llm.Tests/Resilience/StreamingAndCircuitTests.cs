using ClinicBot.Answering.Extractive;
using ClinicBot.Answering.Generative;
using ClinicBot.Conversations.Turns;
using ClinicBot.Llm.Tests.Server;
using Microsoft.AspNetCore.Http;

namespace ClinicBot.Llm.Tests.Resilience;

/// <summary>Streaming replies and the circuit breaker, each over an engine configured for it.</summary>
public sealed class StreamingAndCircuitTests
{
    private const string Question = "What is ketamine therapy?";

    [Fact]
    public async Task Answer_StreamedDraft_IsVerifiedWholeAndGenerative()
    {
        await using var engine = await ScriptedEngine.StartAsync(new Dictionary<string, string?> { ["Llm:Answer:Stream"] = "true" });
        List<string> drafted = [];
        var streamed = false;
        engine.Server.Script = (request, response) =>
        {
            streamed = request.Stream;
            return Responses.Stream(response, string.Join(" ", (drafted = Drafts.Echo(request, 3)).Append("It also cures diabetes [1].")));
        };

        var reply = await engine.AskAsync(Question);

        Assert.True(streamed, "the connector did not ask for a stream");
        Assert.Equal(GenerativeComposer.Name, reply.Composer);
        foreach (var draft in drafted) Assert.Contains(Drafts.Shown(draft), reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("diabetes", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_StreamCutShort_FallsBackToExtractive()
    {
        await using var engine = await ScriptedEngine.StartAsync(new Dictionary<string, string?> { ["Llm:Answer:Stream"] = "true", ["Llm:MaxRetries"] = "0" });
        engine.Server.Script = async (_, response) =>
        {
            response.ContentType = "text/event-stream";
            await response.WriteAsync("data: {\"id\":\"x\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Ketam");
        };

        var reply = await engine.AskAsync(Question);

        Assert.Equal(Routes.Answer, reply.Route);
        Assert.Equal(ExtractiveComposer.Name, reply.Composer);
    }

    [Fact]
    public async Task Answer_StreamStallsHalfWay_AttemptTimesOutAndIsRetriedWhole()
    {
        await using var engine = await ScriptedEngine.StartAsync(new Dictionary<string, string?> { ["Llm:Answer:Stream"] = "true" });
        List<string> drafted = [];
        engine.Server.Script = async (request, response) =>
        {
            if (request.Number > 1)
            {
                await Responses.Stream(response, string.Join(" ", drafted = Drafts.Echo(request, 2)));
                return;
            }

            // Headers and a first chunk, then nothing: only the attempt timeout (1.5 s here) ends the wait.
            response.ContentType = "text/event-stream";
            await response.WriteAsync("data: {\"id\":\"x\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Ketamine \"}}]}\n\n");
            await response.Body.FlushAsync();
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(30), response.HttpContext.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client gave up on the attempt, as it should.
            }
        };
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var reply = await engine.AskAsync(Question);

        Assert.Equal(GenerativeComposer.Name, reply.Composer);
        Assert.Equal(2, engine.Server.Requests.Count);
        foreach (var draft in drafted) Assert.Contains(Drafts.Shown(draft), reply.Text, StringComparison.Ordinal);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.4), $"answered after {clock.Elapsed.TotalSeconds:0.00} s, before the attempt timeout");
    }

    [Fact]
    public async Task Answer_RepeatedFailures_OpenTheCircuitAndStopCallingTheModel()
    {
        await using var engine = await ScriptedEngine.StartAsync(new Dictionary<string, string?>
        {
            ["Llm:MaxRetries"] = "0",
            ["Llm:CircuitMinimumThroughput"] = "2",
            ["Llm:CircuitFailureRatio"] = "0.5",
            ["Llm:CircuitBreakDuration"] = "00:01:00",
        });
        engine.Server.Script = (_, response) => Responses.Status(response, 500);

        var replies = new List<Reply>();
        for (var i = 0; i < 4; i++) replies.Add(await engine.AskAsync(Question));

        Assert.All(replies, r => Assert.Equal(ExtractiveComposer.Name, r.Composer));
        Assert.Equal(2, engine.Server.Requests.Count);
    }
}
