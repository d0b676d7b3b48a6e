namespace ClinicBot.Channels.Sms;

/// <summary>What taking a MessageSid found.</summary>
internal enum InboundClaim
{
    /// <summary>Never seen: this call runs its turn.</summary>
    New,

    /// <summary>Taken before, its turn never finished (in flight, or cut short by a crash).</summary>
    Unfinished,

    /// <summary>Handled in full: a retry gets no second reply.</summary>
    Finished,
}
