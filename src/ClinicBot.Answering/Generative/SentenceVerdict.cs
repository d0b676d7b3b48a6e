namespace ClinicBot.Answering.Generative;

/// <summary>Why a generated sentence was kept or dropped; logged by name, never with the sentence.</summary>
internal enum SentenceVerdict
{
    /// <summary>Cites a passage that says it: shown.</summary>
    Supported,

    /// <summary>No citation marker.</summary>
    Uncited,

    /// <summary>A marker with no passage of that number.</summary>
    UnknownMarker,

    /// <summary>Nothing but stopwords, so nothing to check ("Yes.").</summary>
    NoContent,

    /// <summary>Too few of its content words are in the cited passages.</summary>
    LowSupport,

    /// <summary>A number that the cited passages do not have.</summary>
    NumberMissing,

    /// <summary>Negated where its source is not, or the other way round.</summary>
    NegationFlip,

    /// <summary>A call to action or article self-reference, never quoted (<c>prompts/answering/not-quoted.yaml</c>).</summary>
    NotQuoted,
}
