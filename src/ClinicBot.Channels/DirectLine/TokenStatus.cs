namespace ClinicBot.Channels.DirectLine;

/// <summary>Whether a bearer token can be used.</summary>
public enum TokenStatus
{
    /// <summary>Signed by us, unexpired, of the scope asked for.</summary>
    Valid,

    /// <summary>Missing, malformed, of another scope, or with a bad signature.</summary>
    Invalid,

    /// <summary>Signed by us but expired: Direct Line's <c>TokenExpired</c>.</summary>
    Expired,
}
