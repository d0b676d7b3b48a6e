namespace ClinicBot.Channels.Inbox;

/// <summary>What taking an inbound message's id (an SMS MessageSid, an activity id) found.</summary>
public enum InboundClaim
{
    /// <summary>Never seen: this call runs its turn.</summary>
    New,

    /// <summary>Taken before, its turn never finished (in flight, or cut short by a crash).</summary>
    Unfinished,

    /// <summary>Handled in full: a retry gets no second reply.</summary>
    Finished,
}
