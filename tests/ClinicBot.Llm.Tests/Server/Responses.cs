using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ClinicBot.Llm.Tests.Server;

/// <summary>What the scripted server can answer, in the wire format of the OpenAI chat completions API.</summary>
public static class Responses
{
    public static Task Completion(HttpResponse response, string content)
    {
        var body = new
        {
            id = "chatcmpl-test",
            @object = "chat.completion",
            created = 1_700_000_000,
            model = "test-deployment",
            choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
            usage = new { prompt_tokens = 100, completion_tokens = 50, total_tokens = 150 },
        };
        response.ContentType = "application/json";
        return response.WriteAsync(JsonSerializer.Serialize(body));
    }

    /// <summary>Server-sent events, a few words per chunk, then <c>[DONE]</c>.</summary>
    public static async Task Stream(HttpResponse response, string content)
    {
        response.ContentType = "text/event-stream";
        var words = content.Split(' ');
        for (var i = 0; i < words.Length; i += 3)
        {
            var piece = string.Join(' ', words.Skip(i).Take(3)) + (i + 3 < words.Length ? " " : "");
            await Chunk(response, new { role = i == 0 ? "assistant" : null, content = piece }, null);
        }

        await Chunk(response, new { role = (string?)null, content = (string?)null }, "stop");
        await response.WriteAsync("data: [DONE]\n\n");
    }

    public static Task Status(HttpResponse response, int status, string? retryAfter = null)
    {
        response.StatusCode = status;
        if (retryAfter is not null) response.Headers.RetryAfter = retryAfter;
        response.ContentType = "application/json";
        return response.WriteAsync("{\"error\":{\"message\":\"scripted failure\",\"type\":\"server_error\",\"code\":null}}");
    }

    public static Task Malformed(HttpResponse response)
    {
        response.ContentType = "application/json";
        return response.WriteAsync("{\"id\":\"chatcmpl-test\",\"choices\":[{\"message\":{\"content\":\"Ketamine");
    }

    /// <summary>Waits (until the client gives up) before answering.</summary>
    public static async Task Slow(HttpResponse response, TimeSpan delay, string content)
    {
        try
        {
            await Task.Delay(delay, response.HttpContext.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        await Completion(response, content);
    }

    private static async Task Chunk(HttpResponse response, object delta, string? finishReason)
    {
        var chunk = new
        {
            id = "chatcmpl-test",
            @object = "chat.completion.chunk",
            created = 1_700_000_000,
            model = "test-deployment",
            choices = new[] { new { index = 0, delta, finish_reason = finishReason } },
        };
        await response.WriteAsync("data: " + JsonSerializer.Serialize(chunk, new JsonSerializerOptions { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull }) + "\n\n", Encoding.UTF8);
        await response.Body.FlushAsync();
    }
}
