using System.Text.Json;
using ClinicBot.Answering.Extractive;
using ClinicBot.Conversations.Turns;
using ClinicBot.Prompts;
using ClinicBot.Safety.Triage;

namespace ClinicBot.Cli.Ask;

/// <summary>
/// <c>ask</c>: puts one question, or one JSON line per question, through the same turn pipeline the channels use.
/// Each question is a new conversation. Replies are the public reply JSON (or the text alone without --json).
/// </summary>
internal sealed class AskCommand(TurnPipeline pipeline, ExtractiveComposer composer, TriageClassifier triage)
{
    internal static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<int> RunAsync(AskArguments arguments, TextReader input, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (arguments.Explain)
        {
            foreach (var line in TriageExplanation.Lines(triage, arguments.Question!, arguments.Locale)) await output.WriteLineAsync(line);
            foreach (var line in composer.Explain(arguments.Question!, arguments.Locale)) await output.WriteLineAsync(line);
            return 0;
        }

        if (!arguments.JsonLines)
        {
            var reply = await AskAsync(arguments.Question!, arguments.Channel, arguments.Locale, cancellationToken);
            await output.WriteLineAsync(arguments.Json ? JsonSerializer.Serialize(reply, JsonOptions) : reply.Text);
            return 0;
        }

        var exitCode = 0;
        var lineNumber = 0;
        while (await input.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            if (!AskLine.TryParse(line, out var question, out var problem))
            {
                // A bad line is reported and skipped; the other cases still get their replies.
                await error.WriteLineAsync($"line {lineNumber}: {problem}");
                await output.WriteLineAsync(JsonSerializer.Serialize(new { error = problem, line = lineNumber }, JsonOptions));
                exitCode = 2;
                continue;
            }

            var reply = await AskAsync(question!.Text, question.Channel, question.Locale, cancellationToken);
            await output.WriteLineAsync(JsonSerializer.Serialize(reply, JsonOptions));
        }

        return exitCode;
    }

    private Task<Reply> AskAsync(string text, Channel channel, string locale, CancellationToken cancellationToken) =>
        pipeline.HandleAsync(new TurnRequest("cli-" + Guid.NewGuid().ToString("N"), channel, locale, text), cancellationToken);
}
