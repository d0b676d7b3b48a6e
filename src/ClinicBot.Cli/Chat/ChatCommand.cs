using ClinicBot.Conversations.Turns;
using ClinicBot.Prompts;

namespace ClinicBot.Cli.Chat;

/// <summary>
/// <c>chat</c>: talk to the bot in a terminal, one conversation, through the same turn pipeline as every channel.
/// Each reply shows its route so staff trying the bot see what it decided.
/// </summary>
internal sealed class ChatCommand(TurnPipeline pipeline)
{
    public async Task<int> RunAsync(Channel channel, string locale, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        var conversationId = "chat-" + Guid.NewGuid().ToString("N");
        await output.WriteLineAsync($"ClinicBot ({ChannelNames.Name(channel)}, {locale}). Type a question; an empty line or Ctrl-D ends.");
        while (true)
        {
            await output.WriteAsync("> ");
            var line = await input.ReadLineAsync(cancellationToken);
            if (string.IsNullOrWhiteSpace(line)) return 0;

            var reply = await pipeline.HandleAsync(new TurnRequest(conversationId, channel, locale, line), cancellationToken);
            await output.WriteLineAsync($"[{reply.Route}{(reply.Escalation is null ? "" : $", escalated {reply.Escalation.Priority}")}]");
            await output.WriteLineAsync(reply.Text);
            await output.WriteLineAsync();
        }
    }
}
