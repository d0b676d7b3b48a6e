namespace ClinicBot.Conversations.State;

/// <summary>One message of a conversation's transcript, as staff will read it.</summary>
/// <param name="Author">"patient", "bot" or "staff".</param>
/// <param name="Text">The message.</param>
/// <param name="Route">For bot messages, the route that produced it.</param>
/// <param name="Sources">For bot messages, the cited article ids.</param>
/// <param name="At">When it was sent or received.</param>
public sealed record TranscriptEntry(string Author, string Text, string? Route, IReadOnlyList<string> Sources, DateTimeOffset At);
