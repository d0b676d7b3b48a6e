using System.Text.Json.Nodes;
using ClinicBot.Channels.BotFramework.Turns;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ClinicBot.Channels.DirectLine;

/// <summary>
/// At start-up, before the host takes requests: a visitor's message that a stopped process wrote to the inbox but not
/// yet into the conversation (killed between the two writes) is recorded there, so Web Chat sees it as sent and the
/// visitor does not send it again; <see cref="ActivityInboxRecovery"/>, started after this, runs its turn.
/// </summary>
internal sealed class DirectLineEchoRecovery(IActivityInbox inbox, DirectLineTranscript transcript, ILogger<DirectLineEchoRecovery> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var json in await inbox.UnfinishedAsync(DirectLineConversations.ChannelId, cancellationToken))
            {
                if (JsonNode.Parse(json) is not JsonObject echo
                    || echo["id"]?.GetValue<string>() is not { } id
                    || echo["conversation"]?["id"]?.GetValue<string>() is not { } conversationId
                    || await transcript.Store.ContainsAsync(id, cancellationToken))
                {
                    continue;
                }

                // As the visitor posted it: the serviceUrl is the host's own, never part of the echo.
                echo.Remove("serviceUrl");
                await transcript.AppendAsync(conversationId, id, echo, cancellationToken);
                DirectLineLog.EchoRecovered(logger, conversationId);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The database may be down at start-up too: the turns still run (ActivityInboxRecovery), only the echo is missing.
            DirectLineLog.EchoRecoveryFailed(logger, ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
