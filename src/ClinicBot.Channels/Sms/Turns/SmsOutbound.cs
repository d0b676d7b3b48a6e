using ClinicBot.Channels.Sms.Twilio;
using Microsoft.Extensions.Logging;

namespace ClinicBot.Channels.Sms;

/// <summary>
/// The only way a text leaves through the REST API: a number that opted out is never texted, and Twilio's 21610 (the
/// patient texted STOP to Twilio itself) records the opt-out so no later message is tried.
/// </summary>
internal sealed class SmsOutbound(ISmsSubscriberStore store, PhoneProtector phones, TwilioMessages twilio, TimeProvider time, ILogger<SmsOutbound> logger)
{
    /// <param name="phoneHash">The number's hash, as the subscriber row keys it.</param>
    /// <param name="text">The text.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <param name="replyTo">
    /// The number that just texted, when this is the reply to it: used only when no subscriber row is left for it (the
    /// patient was just forgotten, which deletes the row and its number unless they opted out), so the confirmation
    /// still reaches them. A number with a row is read from the row, and never texted once it opted out.
    /// </param>
    /// <exception cref="TwilioRestException">Twilio could not be reached or kept failing.</exception>
    public async Task<SmsSendOutcome> SendAsync(string phoneHash, string text, CancellationToken cancellationToken, string? replyTo = null)
    {
        var subscriber = await store.FindByHashAsync(phoneHash, cancellationToken);
        var phoneId = SmsLog.PhoneId(phoneHash);
        if (subscriber is null)
        {
            if (replyTo is null || phones.Hash(PhoneProtector.Normalize(replyTo)) != phoneHash) return SmsSendOutcome.UnknownNumber;
            var reply = await twilio.SendAsync(PhoneProtector.Normalize(replyTo), text, cancellationToken);
            if (reply.Sent) SmsLog.Sent(logger, phoneId, reply.MessageSid);
            else SmsLog.Refused(logger, phoneId, reply.Status, reply.ErrorCode);
            return reply.Sent ? SmsSendOutcome.Sent : SmsSendOutcome.Refused;
        }

        if (subscriber.OptedOut)
        {
            SmsLog.Suppressed(logger, phoneId);
            return SmsSendOutcome.OptedOut;
        }

        var result = await twilio.SendAsync(phones.Decrypt(subscriber.EncryptedNumber, subscriber.PhoneHash), text, cancellationToken);
        if (result.Sent)
        {
            SmsLog.Sent(logger, phoneId, result.MessageSid);
            return SmsSendOutcome.Sent;
        }

        SmsLog.Refused(logger, phoneId, result.Status, result.ErrorCode);
        if (!result.OptedOut) return SmsSendOutcome.Refused;
        if (await store.SetOptedOutAsync(phoneHash, true, time.GetUtcNow(), cancellationToken)) SmsLog.OptedOut(logger, phoneId);
        return SmsSendOutcome.OptedOut;
    }

    /// <summary>Whether Twilio already holds this text to the number, created since <paramref name="since"/>; false for a number it does not know.</summary>
    /// <exception cref="TwilioRestException">Twilio could not be reached or did not answer.</exception>
    public async Task<bool> WasSentAsync(string phoneHash, string text, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var subscriber = await store.FindByHashAsync(phoneHash, cancellationToken);
        return subscriber is not null
            && await twilio.WasSentAsync(phones.Decrypt(subscriber.EncryptedNumber, subscriber.PhoneHash), text, since, cancellationToken);
    }
}
