using ClinicBot.Conversations.Delivery;
using ClinicBot.Conversations.State;
using ClinicBot.Conversations.Turns;
using ClinicBot.Prompts;
using ClinicBot.Prompts.Templates;
using Microsoft.Extensions.Logging;

namespace ClinicBot.Channels.Sms;

/// <summary>
/// The SMS rules every text goes through, from Twilio's webhook or Azure Bot Service's SMS channel alike. The patient is
/// known by the HMAC of their number (the conversation id is derived from it, never the number). Crisis content always
/// goes to the turn pipeline; otherwise a message that is only a keyword is handled here (STOP: opt-out recorded and
/// one confirmation; START/UNSTOP/YES: opt-in; HELP/INFO/AYUDA: program, phone, opt-out, rates, after STOP too).
/// Everything else goes through the one turn pipeline and is fitted into two segments. A number that opted out is
/// texted only what <see cref="SmsOptOutRule"/> allows (HELP, and the crisis reply to a crisis, whose escalation is
/// raised like any other); its other messages are still triaged and escalated, but not answered. The conversation's
/// address is the number's hash (<see cref="SmsChannelDelivery"/>), recorded with the first text.
/// </summary>
internal sealed class SmsConversations(
    ISmsSubscriberStore store,
    PhoneProtector phones,
    CrisisCheck crisis,
    ResponseTemplates templates,
    SmsReplyFormatter formatter,
    IConversationStore addresses,
    TimeProvider time,
    ILogger<SmsConversations> logger)
{
    /// <summary>Conversation ids of SMS patients: this prefix and 32 hex digits of the number's HMAC.</summary>
    public const string ConversationPrefix = "sms:";

    public bool Ready => phones.Ready;

    /// <summary>The conversation id of a phone number: the prefix and 32 hex digits of its HMAC (needs no database).</summary>
    public string ConversationIdOf(string address) => ConversationIdOfHash(phones.Hash(PhoneProtector.Normalize(address)));

    /// <summary>The conversation id of a number already hashed.</summary>
    public static string ConversationIdOfHash(string phoneHash) => ConversationPrefix + phoneHash[..32];

    /// <summary>Applies the SMS rules to one text.</summary>
    /// <param name="address">The sender's phone number, as the channel gives it.</param>
    /// <param name="text">The message as written.</param>
    /// <param name="channelLocale">The locale the channel reported, if any; the text's own words and the patient's last language come first.</param>
    /// <param name="turn">The turn pipeline (or the Bot Framework's turn handler).</param>
    /// <param name="cancellationToken">Cancels the turn.</param>
    public async Task<SmsTurn> HandleAsync(
        string address, string text, string? channelLocale, Func<TurnRequest, CancellationToken, Task<Reply>> turn, CancellationToken cancellationToken)
    {
        var number = PhoneProtector.Normalize(address);
        var hash = phones.Hash(number);
        var now = time.GetUtcNow();
        var subscriber = await store.EnsureAsync(hash, ConversationIdOfHash(hash), () => phones.Encrypt(number, hash), PhoneProtector.Mask(number), now, cancellationToken);
        var phoneId = SmsLog.PhoneId(hash);
        await AddressAsync(subscriber, now, cancellationToken);

        var keyword = SmsKeywords.Match(text);
        // Crisis content is crisis whatever else the message is; YES is an opt-in only for a number that opted out.
        // A bare keyword is read by the rules alone: the model's reading of one word ("ALTO", "HELP") is noise, and the
        // carriers require these keywords to work.
        if (keyword != SmsKeyword.None && crisis.ByRules(text, subscriber.Locale ?? Locales.English)) keyword = SmsKeyword.None;
        if (keyword == SmsKeyword.OptIn && !subscriber.OptedOut && SmsKeywords.IsYes(text)) keyword = SmsKeyword.None;

        var locale = SmsKeywords.IsSpanish(text) ? Locales.Spanish
            : (keyword == SmsKeyword.None ? LocaleGuess.Guess(text) : null) ?? subscriber.Locale ?? Locales.Normalize(channelLocale);
        if (locale != subscriber.Locale) await store.SetLocaleAsync(hash, locale, now, cancellationToken);

        switch (keyword)
        {
            case SmsKeyword.OptOut:
                if (!await store.SetOptedOutAsync(hash, true, now, cancellationToken)) return Silent(subscriber, keyword, SmsRoutes.OptOut);
                SmsLog.OptedOut(logger, phoneId);
                return Template(subscriber, keyword, SmsRoutes.OptOut, "sms_opt_out", locale);
            case SmsKeyword.OptIn:
                if (await store.SetOptedOutAsync(hash, false, now, cancellationToken)) SmsLog.OptedIn(logger, phoneId);
                return Template(subscriber, keyword, SmsRoutes.OptIn, "sms_opt_in", locale);
            case SmsKeyword.Help:
                // User-initiated, so answered whatever the opt-out state (the reply says how to opt out, not in).
                return Template(subscriber, keyword, SmsRoutes.Help, "sms_help", locale);
        }

        var reply = await turn(new TurnRequest(subscriber.ConversationId, Channel.Sms, locale, text), cancellationToken);
        if (!SmsOptOutRule.MayText(subscriber.OptedOut, reply.Route))
        {
            // Still triaged and escalated (staff can phone the patient), but not texted.
            SmsLog.Suppressed(logger, phoneId);
            return new SmsTurn(subscriber.ConversationId, hash, keyword, reply, "");
        }

        if (subscriber.OptedOut) SmsLog.CrisisToOptedOut(logger, phoneId);

        var formatted = formatter.Format(reply, locale);
        if (reply.Route == Routes.Crisis && SmsSegments.Count(formatted) > 1) SmsLog.CrisisTooLong(logger, SmsSegments.Count(formatted));
        return new SmsTurn(subscriber.ConversationId, hash, keyword, reply with { Text = formatted }, formatted);
    }

    // Written only when missing (the first text, or a conversation stored before addresses); never fails the text.
    private async Task AddressAsync(SmsSubscriber subscriber, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var address = new ChannelAddress(SmsChannelDelivery.Channel, subscriber.PhoneHash);
        try
        {
            if (await addresses.AddressAsync(subscriber.ConversationId, cancellationToken) == address) return;
            await addresses.SetAddressAsync(subscriber.ConversationId, Channel.Sms, address, now, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Staff replies still find the patient by the conversation id (SmsChannelDelivery.LegacyAddressAsync).
            SmsLog.AddressFailed(logger, SmsLog.PhoneId(subscriber.PhoneHash), ex);
        }
    }

    private static SmsTurn Silent(SmsSubscriber subscriber, SmsKeyword keyword, string route) =>
        new(subscriber.ConversationId, subscriber.PhoneHash, keyword, new Reply(route, "", [], null), "");

    private SmsTurn Template(SmsSubscriber subscriber, SmsKeyword keyword, string route, string key, string locale)
    {
        var text = SmsText.Gsm(templates.Render(key, locale, Channel.Sms));
        return new(subscriber.ConversationId, subscriber.PhoneHash, keyword, new Reply(route, text, [], null), text);
    }
}
