using System.Collections.Concurrent;
using ClinicBot.Channels.Inbox;
using ClinicBot.Channels.Sms.Twilio;
using ClinicBot.Conversations.Turns;
using ClinicBot.Prompts;
using ClinicBot.Prompts.Templates;
using Microsoft.Extensions.Logging;

namespace ClinicBot.Channels.Sms;

/// <summary>
/// Every inbound text is written to the inbox (its MessageSid, sender and text, encrypted) before its turn runs, its
/// reply kept before it is handed to Twilio, and the text marked finished once the reply is with Twilio; so a crash
/// loses nothing and sends nothing twice: Twilio's retry of the MessageSid, or the next start-up
/// (<see cref="RecoverAsync"/>, on whichever live host takes it once its lease has expired), runs a cut-short turn again,
/// and a reply that was ready is looked up in Twilio's Messages and sent only when Twilio does not have it. While a turn
/// runs, this host renews its lease on the MessageSid (<see cref="InboxLeaseRenewal"/>): Twilio's retry reaching another
/// host meanwhile is <see cref="InboundClaim.InFlight"/> there and gets no second reply. When the database fails, the
/// <see cref="SafetyNet"/> answers.
/// </summary>
internal sealed class SmsInbox(
    SmsConversations conversations,
    TurnPipeline pipeline,
    SafetyNet safetyNet,
    ISmsInboxStore inbox,
    ISmsSubscriberStore subscribers,
    SmsOutbound outbound,
    PhoneProtector phones,
    ResponseTemplates templates,
    TimeProvider time,
    InboxLease lease,
    ILogger<SmsInbox> logger)
{
    // MessageSids whose turn runs in this process now: a retry meanwhile is not a second turn.
    private readonly ConcurrentDictionary<string, byte> _running = new(StringComparer.Ordinal);

    // The lease renewals of the MessageSids this process holds, from the claim until finished or abandoned.
    private readonly ConcurrentDictionary<string, InboxLeaseRenewal> _renewals = new(StringComparer.Ordinal);

    /// <summary>
    /// Takes and handles one text; null when it was handled before or is being handled now. The text stays unfinished
    /// until the caller has sent the reply and calls <see cref="FinishAsync"/> (or <see cref="Abandon"/> when it could not):
    /// a kill before the reply left leaves it for Twilio's retry or the next start (answering twice beats never). Until
    /// then it stays taken in this process, so the start-up recovery does not run it a second time.
    /// </summary>
    public async Task<SmsTurn?> ReceiveAsync(string messageSid, string from, string body)
    {
        var hash = phones.Hash(PhoneProtector.Normalize(from));
        // Taken in this process first and claimed after, so a turn that finished meanwhile (Twilio's retry racing the
        // start-up recovery of the same MessageSid) is seen as finished, not run twice.
        if (!_running.TryAdd(messageSid, 0))
        {
            SmsLog.Duplicate(logger, messageSid, SmsLog.PhoneId(hash));
            return null;
        }

        var handedOver = false;
        try
        {
            InboundClaim claim;
            try
            {
                claim = await inbox.ClaimMessageAsync(
                    messageSid, hash, phones.Encrypt(from, messageSid), phones.Encrypt(body, messageSid), time.GetUtcNow(), CancellationToken.None);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // No database to take the MessageSid, so none for the turn either: straight to the safety net (answering
                // twice beats losing a crisis text, and the patient is not kept waiting on a second timeout).
                SmsLog.ClaimFailed(logger, messageSid, ex);
                return await SafetyNetAsync(messageSid, hash, body);
            }

            if (claim == InboundClaim.Finished)
            {
                SmsLog.Duplicate(logger, messageSid, SmsLog.PhoneId(hash));
                return null;
            }

            if (claim == InboundClaim.InFlight)
            {
                // Another live host runs it now (Twilio's retry reached this one meanwhile): no second reply here; should
                // that host die, its lease expires and recovery on a live host sends the reply.
                SmsLog.InFlight(logger, messageSid, SmsLog.PhoneId(hash));
                return null;
            }

            if (claim == InboundClaim.Unfinished) SmsLog.Resumed(logger, messageSid);
            StartRenewal(messageSid);
            var turn = await TurnAsync(messageSid, hash, from, body);
            handedOver = true;
            return turn;
        }
        finally
        {
            if (!handedOver)
            {
                await StopRenewalAsync(messageSid);
                _running.TryRemove(messageSid, out _);
            }
        }
    }

    /// <summary>
    /// The texts left unfinished by a host that stopped or died mid-turn (their lease expired), taken over one at a time
    /// (<see cref="ISmsInboxStore.TakeExpiredAsync"/>: no other host gets the same one), handled now (oldest first) and
    /// their replies sent through the REST API: a text whose reply was ready is looked up in Twilio first (the kill may
    /// have come after the TwiML left), any other runs its turn. Each is finished once its reply is with Twilio; one that
    /// throws stays unfinished, and is taken again once the lease this call set on it expires.
    /// </summary>
    /// <param name="cancellationToken">Stops the recovery.</param>
    /// <returns>How many texts were recovered.</returns>
    public async Task<int> RecoverAsync(CancellationToken cancellationToken)
    {
        var recovered = 0;
        IReadOnlyList<UnfinishedMessage> taken;
        while ((taken = await inbox.TakeExpiredAsync(time.GetUtcNow(), 1, cancellationToken)).Count > 0)
        {
            foreach (var message in taken)
            {
                if (!_running.TryAdd(message.MessageSid, 0)) continue;
                try
                {
                    // A retry may have run it since it was taken: read its state again now that it is ours.
                    var state = await inbox.ClaimMessageAsync(
                        message.MessageSid, message.PhoneHash, message.FromEncrypted, message.BodyEncrypted, time.GetUtcNow(), cancellationToken);
                    if (state is InboundClaim.Finished or InboundClaim.InFlight) continue;
                    StartRenewal(message.MessageSid);
                    if (message.ReplyEncrypted is { } kept)
                    {
                        await SendUnlessWithTwilioAsync(message, phones.Decrypt(kept, message.MessageSid), cancellationToken);
                    }
                    else
                    {
                        SmsLog.Resumed(logger, message.MessageSid);
                        var from = phones.Decrypt(message.FromEncrypted, message.MessageSid);
                        var body = phones.Decrypt(message.BodyEncrypted, message.MessageSid);
                        var turn = await TurnAsync(message.MessageSid, message.PhoneHash, from, body);
                        if (turn.Text.Length > 0) await outbound.SendAsync(turn.PhoneHash, turn.Text, cancellationToken, replyTo: from);
                    }

                    await FinishAsync(message.MessageSid);
                    recovered++;
                }
                finally
                {
                    await StopRenewalAsync(message.MessageSid);
                    _running.TryRemove(message.MessageSid, out _);
                }
            }
        }

        return recovered;
    }

    // Renewed from the claim until the text is finished or abandoned, so a long turn is not taken over by another host.
    private void StartRenewal(string messageSid)
    {
        var renewal = InboxLeaseRenewal.Start(
            ct => inbox.RenewMessageAsync(messageSid, time.GetUtcNow(), ct), lease, time, ex => SmsLog.RenewFailed(logger, messageSid, ex));
        if (_renewals.TryAdd(messageSid, renewal)) return;
        _ = renewal.DisposeAsync().AsTask();
    }

    private async Task StopRenewalAsync(string messageSid)
    {
        if (_renewals.TryRemove(messageSid, out var renewal)) await renewal.DisposeAsync();
    }

    private async Task SendUnlessWithTwilioAsync(UnfinishedMessage message, string reply, CancellationToken cancellationToken)
    {
        try
        {
            if (await outbound.WasSentAsync(message.PhoneHash, reply, message.ReceivedAt, cancellationToken))
            {
                SmsLog.ReplyFoundAtTwilio(logger, message.MessageSid);
                return;
            }

            SmsLog.ReplyResent(logger, message.MessageSid);
        }
        catch (TwilioRestException ex)
        {
            SmsLog.ReplyCheckFailed(logger, message.MessageSid, ex);
        }

        await outbound.SendAsync(message.PhoneHash, reply, cancellationToken);
    }

    private async Task<SmsTurn> TurnAsync(string messageSid, string hash, string from, string body)
    {
        SmsTurn turn;
        try
        {
            turn = await conversations.HandleAsync(
                from, body, null, (request, ct) => PipelineAsync(request with { MessageKey = MessageKey(messageSid) }, ct), CancellationToken.None);
        }
        catch (Exception ex)
        {
            SmsLog.TurnFailed(logger, messageSid, ex);
            return await SafetyNetAsync(messageSid, hash, body);
        }

        await KeepReplyAsync(messageSid, turn.Text);
        return turn;
    }

    // The reply kept before it is handed to Twilio; not kept, a kill before the text is finished sends it again.
    private async Task KeepReplyAsync(string messageSid, string text)
    {
        if (text.Length == 0) return;
        try
        {
            await inbox.KeepReplyAsync(messageSid, phones.Encrypt(text, messageSid), CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            SmsLog.KeepReplyFailed(logger, messageSid, ex);
        }
    }

    // The MessageSid names the text for the turn pipeline: one escalation per text, however often its turn runs.
    private static string MessageKey(string messageSid) => "sms:" + messageSid;

    // A message with no text (a photo) is not a question: the bot says it reads text only.
    private Task<Reply> PipelineAsync(TurnRequest request, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(request.Text)
            ? Task.FromResult(new Reply(Routes.Fallback, templates.Render("host_text_only", request.Locale, Channel.Sms), [], null))
            : pipeline.HandleAsync(request, cancellationToken);

    /// <summary>Records that the text's turn is done and its reply sent (or none due): a retry gets no second reply.</summary>
    public async Task FinishAsync(string messageSid)
    {
        try
        {
            await inbox.FinishMessageAsync(messageSid, time.GetUtcNow(), CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The turn is done and its escalation stored (or spooled); left unfinished, a restart would run it again.
            SmsLog.FinishFailed(logger, messageSid, ex);
        }
        finally
        {
            await StopRenewalAsync(messageSid);
            _running.TryRemove(messageSid, out _);
        }
    }

    /// <summary>
    /// The reply of a text <see cref="ReceiveAsync"/> handled could not be sent: it stays unfinished, for Twilio's retry,
    /// or for recovery (here or on another host) once its lease, no longer renewed, expires.
    /// </summary>
    public void Abandon(string messageSid)
    {
        if (_renewals.TryRemove(messageSid, out var renewal)) _ = renewal.DisposeAsync().AsTask();
        _running.TryRemove(messageSid, out _);
    }

    private async Task<SmsTurn> SafetyNetAsync(string messageSid, string hash, string body)
    {
        var subscriber = await SafeFindAsync(hash);
        var locale = subscriber?.Locale ?? LocaleGuess.Guess(body) ?? Locales.English;
        var request = new TurnRequest(SmsConversations.ConversationIdOfHash(hash), Channel.Sms, locale, body) { MessageKey = MessageKey(messageSid) };
        var reply = await safetyNet.ReplyAsync(request, CancellationToken.None);
        var text = SmsOptOutRule.MayText(subscriber?.OptedOut ?? false, reply.Route) ? SmsText.Gsm(reply.Text) : "";
        return new SmsTurn(subscriber?.ConversationId ?? "", hash, SmsKeyword.None, reply with { Text = text }, text);
    }

    private async Task<SmsSubscriber?> SafeFindAsync(string hash)
    {
        try
        {
            return await subscribers.FindByHashAsync(hash, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return null;
        }
    }
}
