namespace ClinicBot.Channels.BotFramework.Activities;

/// <summary>A user or bot in a conversation.</summary>
/// <param name="Id">The channel's id for the account.</param>
/// <param name="Name">The display name; bots send it only where it means something.</param>
/// <param name="Role"><c>user</c>, <c>bot</c> or <c>skill</c>; meant for transcripts.</param>
public sealed record ChannelAccount(string? Id, string? Name = null, string? Role = null);
