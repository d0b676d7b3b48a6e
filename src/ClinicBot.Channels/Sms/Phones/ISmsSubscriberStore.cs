namespace ClinicBot.Channels.Sms;

/// <summary>
/// The texting patients (the port storage implements): each known by the HMAC of their number, with the number
/// encrypted, its mask, their language and their opt-out state.
/// </summary>
public interface ISmsSubscriberStore
{
    /// <summary>Creates the subscriber on first contact (<paramref name="encrypt"/> is called only then); returns what is stored.</summary>
    Task<SmsSubscriber> EnsureAsync(string phoneHash, string conversationId, Func<string> encrypt, string display, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The subscriber with this number's hash, or null.</summary>
    Task<SmsSubscriber?> FindByHashAsync(string phoneHash, CancellationToken cancellationToken);

    /// <summary>The subscriber of this conversation, or null.</summary>
    Task<SmsSubscriber?> FindByConversationAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>Records an opt-out (true) or opt-in (false); returns whether the state changed.</summary>
    Task<bool> SetOptedOutAsync(string phoneHash, bool optedOut, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Records the subscriber's language when it changed.</summary>
    Task SetLocaleAsync(string phoneHash, string locale, DateTimeOffset now, CancellationToken cancellationToken);
}
