namespace ClinicBot.Channels.Inbox;

/// <summary>What taking an inbound message's id (an SMS MessageSid, an activity id) found.</summary>
public enum InboundClaim
{
    /// <summary>Never seen: this call runs its turn.</summary>
    New,

    /// <summary>
    /// Taken before, its turn never finished, and no other host holds a live lease on it (a crash cut it short, its
    /// host's lease expired, or this host holds it): this call now holds the lease and runs the turn again.
    /// </summary>
    Unfinished,

    /// <summary>Handled in full: a retry gets no second reply.</summary>
    Finished,

    /// <summary>
    /// Another live host holds its lease and runs its turn now (a channel's retry reached this host meanwhile): this call
    /// runs nothing and answers as for a duplicate; should that host die, its lease expires and the turn is taken over.
    /// </summary>
    InFlight,
}
