using ClinicBot.Answering;
using ClinicBot.Safety.OutputGuard;

namespace ClinicBot.Conversations.Turns;

/// <summary>Puts the safety output guard in front of every sentence the answerer would show.</summary>
internal sealed class OutputGuardFilter(OutputGuard guard) : ISentenceFilter
{
    public bool Allows(string sentence) => guard.Allows(sentence, out _);
}
