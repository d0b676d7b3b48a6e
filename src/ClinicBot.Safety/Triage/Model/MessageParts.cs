namespace ClinicBot.Safety.Triage.Model;

/// <summary>
/// A message cut into its sentences, for triage to read each on its own as well as the whole: a crisis told after an
/// ordinary question ("do you have parking? ... I have the pills counted out on my dresser") is diluted in the vector of
/// the whole message but plain in its own sentence. Cuts at whitespace after <c>. ! ? …</c> and at line breaks; a piece
/// of fewer than <see cref="MinWords"/> words ("Lighter.", "lol") joins the piece before it (the first joins the next),
/// and pieces past <see cref="MaxParts"/> join the last. Joining the parts with spaces gives the words of the message.
/// </summary>
internal static class MessageParts
{
    /// <summary>The fewest words a part has on its own.</summary>
    public const int MinWords = 3;

    /// <summary>The most parts a message is read in.</summary>
    public const int MaxParts = 8;

    /// <summary>The message's parts, in order; a message of one sentence is one part.</summary>
    public static IReadOnlyList<string> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var pieces = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var cut = text[i] is '\n' or '\r' || (char.IsWhiteSpace(text[i]) && i > 0 && text[i - 1] is '.' or '!' or '?' or '…');
            if (!cut) continue;
            Add(pieces, text[start..i]);
            start = i + 1;
        }

        Add(pieces, text[start..]);
        var parts = new List<string>(pieces.Count);
        foreach (var piece in pieces)
        {
            if (parts.Count > 0 && (Words(piece) < MinWords || Words(parts[^1]) < MinWords || parts.Count == MaxParts)) parts[^1] += " " + piece;
            else parts.Add(piece);
        }

        return parts.Count == 0 ? [text] : parts;
    }

    private static void Add(List<string> pieces, string piece)
    {
        piece = piece.Trim();
        if (piece.Length > 0) pieces.Add(piece);
    }

    private static int Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
}
