using ClinicBot.Answering;

namespace ClinicBot.Benchmarks.Answering.Blind;

/// <summary>A system compared on the blind split: ClinicBot or one of its peers.</summary>
internal interface IBlindAnswerer
{
    /// <summary>How the reports label it.</summary>
    string Name { get; }

    /// <summary>Answers one question, with its vector already computed.</summary>
    ComposedAnswer Answer(BlindQuestion question);
}
