namespace ClinicBot.Storage;

/// <summary>How a storage's readiness checks are found among the host's health checks.</summary>
public static class StorageReadiness
{
    /// <summary>The tag of every check <c>/readyz</c> runs: the storage takes writes.</summary>
    public const string Tag = "ready";

    /// <summary>What readiness reports while the database refuses writes, whichever the provider.</summary>
    public const string NotWritable = "database does not take writes";
}
