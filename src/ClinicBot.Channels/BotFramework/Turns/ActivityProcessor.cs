using System.Collections.Concurrent;
using System.Text.Json;
using ClinicBot.Channels.BotFramework.Activities;
using ClinicBot.Channels.BotFramework.Connector;
using ClinicBot.Channels.BotFramework.Delivery;
using ClinicBot.Channels.Inbox;
using ClinicBot.Conversations.Delivery;
using ClinicBot.Conversations.State;
using ClinicBot.Conversations.Turns;
using ClinicBot.Prompts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClinicBot.Channels.BotFramework.Turns;

/// <summary>
/// Handles one authenticated activity: a message is written to the inbox (<see cref="IActivityInbox"/>) and goes
/// through the turn pipeline, a member joining gets one welcome, events and everything else are acknowledged. A failing
/// turn still gets the safe fallback reply; a duplicate activity id gets nothing; a turn cut short by a crash runs on
/// the channel's retry or at the next start-up (<see cref="RecoverAsync"/>). An activity of a channel whose rules
/// cannot run here (<see cref="ITurnHandler.RefusalReason"/>: Azure's SMS channel without the phone keys) is refused
/// before anything is stored or sent. On the SMS channel a text goes only in reply to the patient's own message: a
/// member joining gets no welcome there (as on the Twilio webhook, and never to a number that opted out).
/// One processor serves every channel: a channel of this host that takes replies in process (ClinicBot's own Direct
/// Line) names its <see cref="IReplySink"/> with each activity and has its own inbox scope; every other activity is
/// answered through the Connector. The route is the caller's, never read from the activity.
/// </summary>
public sealed class ActivityProcessor
{
    private readonly ITurnHandler _turns;
    private readonly HostReplies _replies;
    private readonly IActivityLedger _ledger;
    private readonly ConnectorClient _connector;
    private readonly BotFrameworkOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ActivityProcessor> _logger;
    private readonly IConversationReferenceStore _references;
    private readonly IConversationStore? _transcripts;
    private readonly SafetyNet? _safetyNet;
    private readonly IActivityInbox _inbox;
    private readonly string _inboxScope;
    private readonly InboxLease _lease;

    // Inbox keys whose turn runs in this process now: a retry meanwhile is not a second turn.
    private readonly ConcurrentDictionary<string, byte> _running = new(StringComparer.Ordinal);

    internal ActivityProcessor(
        ITurnHandler turns, HostReplies replies, IActivityLedger ledger, IActivityInbox inbox, string inboxScope, ConnectorClient connector,
        IOptions<BotFrameworkOptions> options, TimeProvider time, ILogger<ActivityProcessor> logger, IConversationReferenceStore references,
        IConversationStore? transcripts = null, SafetyNet? safetyNet = null, InboxLease? lease = null)
    {
        _lease = lease ?? InboxLease.ForThisHost();
        _inbox = inbox;
        _inboxScope = inboxScope;
        _transcripts = transcripts;
        _safetyNet = safetyNet;
        _references = references;
        _turns = turns;
        _replies = replies;
        _ledger = ledger;
        _connector = connector;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>Processes the activity and returns what the bot said.</summary>
    /// <exception cref="ConnectorDeliveryException">A reply was attempted but the channel did not take it.</exception>
    public Task<ActivityOutcome> ProcessAsync(Activity inbound, CancellationToken cancellationToken) => ProcessAsync(inbound, null, cancellationToken);

    /// <summary>Processes the activity, its replies sent to <paramref name="sink"/> (the Connector when null).</summary>
    public Task<ActivityOutcome> ProcessAsync(Activity inbound, IReplySink? sink, CancellationToken cancellationToken) =>
        RunAsync(inbound, sink, resumed: false, null, cancellationToken);

    /// <summary>
    /// Writes a message activity to the inbox now, before anything else is stored about it (Direct Line claims first,
    /// then records the visitor's echo, so an echo is never left without a turn to answer it). Hand the task to
    /// <see cref="ProcessClaimedAsync"/>; a faulted task (the database refused) sends the turn to the safety net.
    /// </summary>
    public Task<InboundClaim> ClaimAsync(Activity inbound, IReplySink? sink, CancellationToken cancellationToken) =>
        _inbox.ClaimAsync(ConversationKey(inbound), Key("activity", inbound, inbound.Id!), Scope(sink), JsonSerializer.Serialize(inbound, ActivityJson.Options), cancellationToken);

    /// <summary>Processes a message activity whose inbox claim <see cref="ClaimAsync"/> took.</summary>
    public Task<ActivityOutcome> ProcessClaimedAsync(Activity inbound, Task<InboundClaim> claim, IReplySink? sink, CancellationToken cancellationToken) =>
        RunAsync(inbound, sink, resumed: false, claim, cancellationToken);

    /// <summary>
    /// Runs the message activities of one inbox scope that a stopped process left mid-turn (oldest first), their replies
    /// sent as for a live turn; an <c>expectReplies</c> caller is gone, but the turn's escalation is still raised. Each is
    /// taken over (<see cref="IActivityInbox.TakeExpiredAsync"/>) one at a time just before it runs, and only once its
    /// lease has expired: an activity another live host runs is left to it, and two hosts never recover the same one.
    /// </summary>
    /// <param name="sink">The channel whose turns to run (its inbox scope and its replies); null for the Connector's.</param>
    /// <param name="admit">Called with each activity before it runs (the host trusts a serviceUrl that came validated).</param>
    /// <param name="cancellationToken">Stops recovery (the rest stays for the next start).</param>
    /// <returns>How many turns ran.</returns>
    public async Task<int> RecoverAsync(IReplySink? sink, Action<Activity>? admit, CancellationToken cancellationToken)
    {
        var resumed = 0;
        IReadOnlyList<string> taken;
        while ((taken = await _inbox.TakeExpiredAsync(Scope(sink), 1, cancellationToken)).Count > 0)
        {
            foreach (var json in taken)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (JsonSerializer.Deserialize<Activity>(json, ActivityJson.Options) is not { } activity) continue;
                admit?.Invoke(activity);
                BotFrameworkLog.Resumed(_logger, activity.Id, activity.ChannelId);
                try
                {
                    await RunAsync(activity, sink, resumed: true, null, cancellationToken);
                    resumed++;
                }
                catch (ConnectorDeliveryException ex)
                {
                    // The turn ran (its escalation is stored); the reply stays owed, and is tried again once this lease lapses.
                    BotFrameworkLog.DeliveryFailed(_logger, activity.Type, activity.Id, ServiceHost(activity), ex);
                }
            }
        }

        return resumed;
    }

    private async Task<ActivityOutcome> RunAsync(
        Activity inbound, IReplySink? sink, bool resumed, Task<InboundClaim>? claimed, CancellationToken cancellationToken)
    {
        var expectReplies = string.Equals(inbound.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.Ordinal);
        Func<Activity, CancellationToken, Task>? send = expectReplies ? null : sink is null ? _connector.SendAsync : sink.SendAsync;
        // A sink's conversations are this host's own: the staff console takes them over, no agent hub reads handoff events,
        // and staff reach them through the sink's channel, not a stored Connector reference.
        var outbox = new Outbox(send, connectorChannel: sink is null);
        BotFrameworkLog.Received(_logger, inbound.Id, inbound.Type!, inbound.ChannelId);
        if (_turns.RefusalReason(Request(inbound, inbound.Text ?? "")) is { } refusal)
        {
            BotFrameworkLog.Refused(_logger, inbound.Id, inbound.ChannelId, refusal);
            return new ActivityOutcome(expectReplies, []) { Refusal = refusal };
        }

        // A patient's message is in the inbox before its turn runs; this key is set while this call runs that turn.
        string? running = null;
        InboxLeaseRenewal? renewal = null;
        try
        {
            if (inbound.Type == ActivityTypes.Message && !string.IsNullOrEmpty(inbound.Id))
            {
                running = await TakeAsync(inbound, Scope(sink), resumed, claimed, cancellationToken);
                if (running is null) return new ActivityOutcome(expectReplies, []);
                // Renewed while the turn runs (a long LLM turn): no other host takes it over unless this one dies.
                var key = running;
                renewal = InboxLeaseRenewal.Start(
                    ct => _inbox.RenewAsync(key, ct), _lease, _time, ex => BotFrameworkLog.RenewFailed(_logger, inbound.Id, ex));
                await MessageAsync(inbound, outbox, cancellationToken);
                await FinishAsync(running);
            }
            else
            {
                await DispatchAsync(inbound, outbox, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not ConnectorDeliveryException && inbound.Type == ActivityTypes.Message && !outbox.SentMessage
                                   && !cancellationToken.IsCancellationRequested)
        {
            // Whatever failed (the turn, the inbox, the database), the patient is not left with silence, and a crisis
            // still gets the crisis reply and its escalation (spooled until the database takes it).
            BotFrameworkLog.TurnFailed(_logger, inbound.Id, ex);
            await outbox.SendAsync(ReplyActivities.Message(inbound, await FallbackAsync(inbound, cancellationToken)), cancellationToken);
            if (running is not null) await FinishAsync(running);
        }
        finally
        {
            if (renewal is not null) await renewal.DisposeAsync();
            if (running is not null) _running.TryRemove(running, out _);
        }

        return new ActivityOutcome(expectReplies, outbox.Activities);
    }

    // Claims the message in the inbox; null when it was handled before or runs in this process now. The key is taken
    // in this process first and the inbox read after, so a turn that finished meanwhile (a channel's retry racing the
    // start-up recovery of the same activity) is seen as finished, not run twice; a resumed one reads its state again.
    private async Task<string?> TakeAsync(Activity inbound, string scope, bool resumed, Task<InboundClaim>? claimed, CancellationToken cancellationToken)
    {
        var key = Key("activity", inbound, inbound.Id!);
        if (!_running.TryAdd(key, 0))
        {
            BotFrameworkLog.Duplicate(_logger, inbound.Id!, inbound.ChannelId);
            return null;
        }

        InboundClaim claim;
        try
        {
            claim = await (claimed ?? _inbox.ClaimAsync(ConversationKey(inbound), key, scope, JsonSerializer.Serialize(inbound, ActivityJson.Options), cancellationToken));
        }
        catch
        {
            _running.TryRemove(key, out _);
            throw;
        }

        if (claim == InboundClaim.Finished)
        {
            _running.TryRemove(key, out _);
            BotFrameworkLog.Duplicate(_logger, inbound.Id!, inbound.ChannelId);
            return null;
        }

        if (claim == InboundClaim.InFlight)
        {
            // Another live host runs it now (a channel's retry reached this one meanwhile): answered as a duplicate, and
            // should that host die, its lease expires and recovery here or elsewhere runs the turn.
            _running.TryRemove(key, out _);
            BotFrameworkLog.InFlight(_logger, inbound.Id!, inbound.ChannelId);
            return null;
        }

        if (claim == InboundClaim.Unfinished && !resumed) BotFrameworkLog.Resumed(_logger, inbound.Id, inbound.ChannelId);
        return key;
    }

    // Once the patient has been answered (or the safety net has), a retry or a restart must not answer again.
    private async Task FinishAsync(string key)
    {
        try
        {
            await _inbox.FinishAsync(key, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Left unfinished, the next start-up runs the turn again: answering twice beats never.
            BotFrameworkLog.FinishFailed(_logger, ex);
        }
    }

    private string Scope(IReplySink? sink) => sink?.InboxScope ?? _inboxScope;

    private static string ServiceHost(Activity activity) =>
        Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var url) ? url.GetLeftPart(UriPartial.Authority) : "(none)";

    private async Task<Reply> FallbackAsync(Activity inbound, CancellationToken cancellationToken)
    {
        var (locale, channel, text) = (Locales.Normalize(inbound.Locale), ReplyActivities.ChannelOf(inbound), inbound.Text?.Trim());
        if (_safetyNet is null || string.IsNullOrEmpty(text)) return _replies.Fallback(locale, channel);
        return await _safetyNet.ReplyAsync(_turns.Identify(Request(inbound, text)), cancellationToken);
    }

    // Everything but an inboxed message: a message without an id, a member joining, events.
    private async Task DispatchAsync(Activity inbound, Outbox outbox, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(inbound.Id) && !await _ledger.TryClaimAsync(ConversationKey(inbound), Key("activity", inbound, inbound.Id), cancellationToken))
        {
            BotFrameworkLog.Duplicate(_logger, inbound.Id, inbound.ChannelId);
            return;
        }

        switch (inbound.Type)
        {
            case ActivityTypes.Message:
                await MessageAsync(inbound, outbox, cancellationToken);
                break;
            case ActivityTypes.ConversationUpdate:
                // A null entry (some clients send one) is skipped like a member without an id.
                var members = (inbound.MembersAdded ?? []).OfType<ChannelAccount>()
                    .Where(m => !string.IsNullOrEmpty(m.Id) && !string.Equals(m.Id, inbound.Recipient?.Id, StringComparison.Ordinal));
                if (ReplyActivities.ChannelOf(inbound) == Channel.Sms) break;
                foreach (var member in members) await WelcomeAsync(inbound, member, outbox, cancellationToken);
                break;
            case ActivityTypes.Event when inbound.Name == "handoff.status":
                BotFrameworkLog.HandoffStatus(_logger, inbound.Id, HandoffState(inbound.Value));
                break;
            case ActivityTypes.Event when inbound.Name == "webchat/join" && !string.IsNullOrEmpty(inbound.From?.Id):
                // Web Chat's join event: the welcome for a user Direct Line has not announced yet.
                await WelcomeAsync(inbound, inbound.From, outbox, cancellationToken);
                break;
            default:
                BotFrameworkLog.Ignored(_logger, inbound.Id, inbound.Type!);
                break;
        }
    }

    private async Task MessageAsync(Activity inbound, Outbox outbox, CancellationToken cancellationToken)
    {
        var channel = ReplyActivities.ChannelOf(inbound);
        var locale = Locales.Normalize(inbound.Locale);
        var text = inbound.Text?.Trim();
        Reply reply;
        if (string.IsNullOrEmpty(text))
        {
            reply = _replies.TextOnly(locale, channel);
        }
        else
        {
            var request = Request(inbound, text);
            // Remembered so staff can answer later in this conversation (expectReplies callers have no later route), and the
            // conversation's address names the Connector's delivery. Not for SMS: its conversation id is the patient's
            // phone number, which is never stored in clear (SmsConversations records the SMS address).
            if (!string.IsNullOrEmpty(inbound.ServiceUrl) && outbox is { Buffered: false, ConnectorChannel: true } && channel != Channel.Sms)
            {
                await _references.SaveAsync(request.ConversationId, ConversationReferences.From(inbound), cancellationToken);
                await AddressAsync(request, cancellationToken);
            }

            reply = await WithTypingAsync(inbound, outbox, ct => _turns.HandleAsync(request, ct), cancellationToken);
        }

        // Empty text: staff hold the conversation and answer it themselves, so the bot sends nothing.
        if (reply.Text.Length > 0) await outbox.SendAsync(ReplyActivities.Message(inbound, reply), cancellationToken);
        if (reply.Escalation is { } escalation && _options.SendHandoffInitiate && _transcripts is not null && outbox.ConnectorChannel)
        {
            var transcript = await _transcripts.TranscriptAsync(ConversationKey(inbound), cancellationToken);
            var activities = transcript.Select(entry => TranscriptActivity(inbound, entry));
            await outbox.SendAsync(ReplyActivities.HandoffInitiate(inbound, escalation, activities), cancellationToken);
        }
    }

    // Written only when it changes (the first message, or a conversation stored before addresses): a read per turn after.
    private async Task AddressAsync(TurnRequest request, CancellationToken cancellationToken)
    {
        if (_transcripts is null) return;
        var address = new ChannelAddress(BotFrameworkDelivery.Channel, request.ConversationId);
        if (await _transcripts.AddressAsync(request.ConversationId, cancellationToken) == address) return;
        await _transcripts.SetAddressAsync(request.ConversationId, request.Channel, address, _time.GetUtcNow(), cancellationToken);
    }

    private async Task WelcomeAsync(Activity inbound, ChannelAccount member, Outbox outbox, CancellationToken cancellationToken)
    {
        if (!await _ledger.TryClaimAsync(ConversationKey(inbound), Key("welcome", inbound, member.Id!), cancellationToken)) return;
        var reply = _replies.Welcome(Locales.Normalize(inbound.Locale), ReplyActivities.ChannelOf(inbound));
        var welcome = ReplyActivities.Message(inbound, reply);
        welcome.Recipient = member;
        await outbox.SendAsync(welcome, cancellationToken);
    }

    // A typing indicator once the turn has taken TypingDelay, repeated every TypingInterval, always before the reply.
    private async Task<Reply> WithTypingAsync(Activity inbound, Outbox outbox, Func<CancellationToken, Task<Reply>> turn, CancellationToken cancellationToken)
    {
        if (outbox.Buffered) return await turn(cancellationToken);

        using var stopTyping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var typing = TypingAsync(inbound, outbox, stopTyping.Token);
        try
        {
            return await turn(cancellationToken);
        }
        finally
        {
            await stopTyping.CancelAsync();
            await typing;
        }
    }

    private async Task TypingAsync(Activity inbound, Outbox outbox, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(_options.TypingDelay, _time, cancellationToken);
            while (true)
            {
                await outbox.SendAsync(ReplyActivities.Typing(inbound), cancellationToken);
                await Task.Delay(_options.TypingInterval, _time, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // The turn finished.
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            BotFrameworkLog.TypingFailed(_logger, inbound.Id, ex);
        }
    }

    private static string HandoffState(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Object } v && v.TryGetProperty("state", out var state) && state.ValueKind == JsonValueKind.String
            ? state.GetString()!
            : "unknown";

    // Conversation ids are unique within a channel only.
    // A transcript entry as a message activity: the patient's from the user, everything else from the bot.
    private static Activity TranscriptActivity(Activity inbound, TranscriptEntry entry) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = inbound.ChannelId,
        Conversation = inbound.Conversation,
        From = entry.Author == "patient" ? inbound.From : inbound.Recipient,
        Recipient = entry.Author == "patient" ? inbound.Recipient : inbound.From,
        Text = entry.Text,
        Timestamp = entry.At.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
    };

    internal static string ConversationKey(Activity inbound) => $"{inbound.ChannelId}:{inbound.Conversation?.Id}";

    private static TurnRequest Request(Activity inbound, string text) =>
        new(ConversationKey(inbound), ReplyActivities.ChannelOf(inbound), Locales.Normalize(inbound.Locale), text) { MessageKey = MessageKey(inbound) };

    private static string Key(string kind, Activity inbound, string id) => $"{kind}:{ConversationKey(inbound)}:{id}";

    // The message's key for the turn (one escalation per message however often its turn runs); none without an id.
    private static string? MessageKey(Activity inbound) => string.IsNullOrEmpty(inbound.Id) ? null : Key("activity", inbound, inbound.Id);
}
