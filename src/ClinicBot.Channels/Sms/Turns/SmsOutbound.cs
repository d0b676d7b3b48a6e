using ClinicBot.Channels.Sms.Twilio;
using Microsoft.Extensions.Logging;

namespace ClinicBot.Channels.Sms;

/// <summary>
/// The only way a text leaves through the REST API: a number that opted out is never texted, and Twilio's 21610 (the
/// patient texted STOP to Twilio itself) records the opt-out so no later message is tried.
/// </summary>
internal sealed class SmsOutbound(ISmsSubscriberStore store, PhoneProtector phones, TwilioMessages twilio, TimeProvider time, ILogger<SmsOutbound> logger)
{
    /// <exception cref="TwilioRestException">Twilio could not be reached or kept failing.</exception>
    public async Task<SmsSendOutcome> SendAsync(string phoneHash, string text, CancellationToken cancellationToken)
    {
        var subscriber = await store.FindByHashAsync(phoneHash, cancellationToken);
        if (subscriber is null) return SmsSendOutcome.UnknownNumber;
        var phoneId = SmsLog.PhoneId(phoneHash);
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
