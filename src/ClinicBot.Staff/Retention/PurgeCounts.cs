namespace ClinicBot.Staff.Retention;

/// <summary>
/// How many rows a purge deleted (or would delete), per kind of data, in the order the storage names them. Counts only:
/// what the CLI prints, the job logs and the audit log records.
/// </summary>
public sealed class PurgeCounts
{
    /// <summary>The kind every purge counts first among equals: whole conversations.</summary>
    public const string Conversations = "conversations";

    private readonly List<KeyValuePair<string, long>> _counts;

    /// <summary>The counts, one per kind, in order.</summary>
    public PurgeCounts(IEnumerable<KeyValuePair<string, long>> counts)
    {
        _counts = [.. counts];
    }

    /// <summary>Nothing purged.</summary>
    public static PurgeCounts None { get; } = new([]);

    /// <summary>Each kind with its count, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> Kinds => _counts;

    /// <summary>The count of one kind (0 when not counted).</summary>
    public long this[string kind] => _counts.FirstOrDefault(c => c.Key == kind).Value;

    /// <summary>Rows of every kind.</summary>
    public long Total => _counts.Sum(c => c.Value);

    /// <summary>These counts and <paramref name="other"/>'s added kind by kind (kinds new to these at the end).</summary>
    public PurgeCounts Plus(PurgeCounts other)
    {
        var kinds = _counts.Select(c => c.Key).Concat(other._counts.Select(c => c.Key)).Distinct();
        return new(kinds.Select(k => KeyValuePair.Create(k, this[k] + other[k])));
    }

    /// <summary><c>conversations=3 transcript_entries=12 ...</c></summary>
    public override string ToString() => string.Join(" ", _counts.Select(c => $"{c.Key}={c.Value}"));
}
