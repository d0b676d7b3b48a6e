namespace ClinicBot.Answering;

/// <summary>
/// A last check on every sentence before it reaches a patient (the safety output guard plugs in here),
/// so the answerer never depends on the safety rules directly.
/// </summary>
public interface ISentenceFilter
{
    /// <summary>Whether the sentence may be shown.</summary>
    bool Allows(string sentence);
}
