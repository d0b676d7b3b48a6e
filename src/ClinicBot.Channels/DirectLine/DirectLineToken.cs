namespace ClinicBot.Channels.DirectLine;

/// <summary>What a valid token grants: one conversation, as one user, for one purpose, until it expires.</summary>
/// <param name="ConversationId">The only conversation the token opens.</param>
/// <param name="UserId">The user the token speaks for; posted activities get this <c>from.id</c>.</param>
/// <param name="Scope"><see cref="DirectLineTokens.ConversationScope"/> or <see cref="DirectLineTokens.StreamScope"/>.</param>
/// <param name="ExpiresAt">When it stops working.</param>
public sealed record DirectLineToken(string ConversationId, string UserId, string Scope, DateTimeOffset ExpiresAt);
