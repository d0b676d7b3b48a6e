namespace ClinicBot.Channels.DirectLine;

/// <summary>The outcome of reading a bearer token.</summary>
/// <param name="Status">Whether it can be used.</param>
/// <param name="Token">The grant, when <see cref="TokenStatus.Valid"/>.</param>
public sealed record TokenCheck(TokenStatus Status, DirectLineToken? Token)
{
    /// <summary>No token, or not one of ours.</summary>
    public static TokenCheck Invalid { get; } = new(TokenStatus.Invalid, null);

    /// <summary>Ours, but past its expiry.</summary>
    public static TokenCheck Expired { get; } = new(TokenStatus.Expired, null);
}
