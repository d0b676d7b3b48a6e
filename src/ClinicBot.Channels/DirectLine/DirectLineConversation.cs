namespace ClinicBot.Channels.DirectLine;

/// <summary>A started Direct Line conversation.</summary>
/// <param name="Id">The conversation id in URLs and tokens.</param>
/// <param name="UserId">The visitor's user id (from their token).</param>
/// <param name="Locale">The language the conversation started in ("en", "es").</param>
/// <param name="CreatedAt">When it started.</param>
public sealed record DirectLineConversation(string Id, string UserId, string Locale, DateTimeOffset CreatedAt);
