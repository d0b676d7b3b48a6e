using ClinicBot.Answering;
using ClinicBot.Answering.Extractive;

namespace ClinicBot.Benchmarks.Answering.Blind;

/// <summary>ClinicBot's offline answerer, given the message's vector (a follow-up still embeds itself read with the previous question).</summary>
internal sealed class ClinicBotAnswerer(ExtractiveComposer composer) : IBlindAnswerer
{
    public string Name => "clinicbot";

    public ComposedAnswer Answer(BlindQuestion question) => composer.Compose(question.Request);
}
