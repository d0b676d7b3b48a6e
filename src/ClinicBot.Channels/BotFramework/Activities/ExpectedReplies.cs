namespace ClinicBot.Channels.BotFramework.Activities;

/// <summary>The HTTP 200 body answering an <c>expectReplies</c> activity.</summary>
/// <param name="Activities">The bot's replies, in order.</param>
public sealed record ExpectedReplies(IReadOnlyList<Activity> Activities);
