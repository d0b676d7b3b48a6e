namespace ClinicBot.Channels.DirectLine;

/// <summary>One recorded activity: its place in the conversation (the watermark) and its JSON as clients receive it.</summary>
/// <param name="Sequence">Increasing within the conversation; the watermark after this activity.</param>
/// <param name="Type">The activity type.</param>
/// <param name="Json">The activity as sent to clients, with its id and timestamp.</param>
public sealed record StoredActivity(long Sequence, string Type, string Json)
{
    /// <summary>The sequence of an activity the store has not taken yet (the database refused the write): it has no watermark.</summary>
    public const long Unwritten = long.MinValue;

    /// <summary>Whether the activity is only in memory so far (published to open streams, written later).</summary>
    public bool IsUnwritten => Sequence == Unwritten;
}
