namespace ClinicBot.Storage.Privacy;

/// <summary>What a rotation did.</summary>
/// <param name="Rewritten">Values now under the current key that were not before.</param>
/// <param name="Unreadable">Values under a key that is not configured, left as they were.</param>
public sealed record RotationResult(int Rewritten, int Unreadable);
