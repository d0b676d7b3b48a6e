namespace ClinicBot.Channels.BotFramework.Activities;

/// <summary>The conversation an activity belongs to.</summary>
/// <param name="Id">The channel's conversation id; it may contain <c>:</c>, <c>;</c> or <c>|</c>.</param>
/// <param name="TenantId">The tenant, on channels that have one (Teams).</param>
public sealed record ConversationAccount(string? Id, string? TenantId = null);
