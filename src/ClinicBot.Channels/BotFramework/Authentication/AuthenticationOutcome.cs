namespace ClinicBot.Channels.BotFramework.Authentication;

/// <summary>Whether an inbound request may be processed, and the caller id to stamp on its activity.</summary>
/// <param name="Succeeded">True when the request may go on.</param>
/// <param name="Failure">Why it was refused (for the log and the 401 body; never secret).</param>
/// <param name="CallerId">The activity's <c>callerId</c>: <c>urn:botframework:azure</c> for a validated channel, null when anonymous.</param>
/// <param name="Validated">Whether a token was validated, so the serviceUrl may receive the bot's token.</param>
public sealed record AuthenticationOutcome(bool Succeeded, string? Failure, string? CallerId, bool Validated)
{
    /// <summary>A refused request.</summary>
    public static AuthenticationOutcome Fail(string reason) => new(false, reason, null, false);

    /// <summary>An anonymous loopback request, authentication being off.</summary>
    public static AuthenticationOutcome Anonymous { get; } = new(true, null, null, false);

    /// <summary>A request carrying a valid channel token.</summary>
    public static AuthenticationOutcome Channel { get; } = new(true, null, "urn:botframework:azure", true);
}
