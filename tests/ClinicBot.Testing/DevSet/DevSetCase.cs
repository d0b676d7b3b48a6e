using ClinicBot.Prompts;

namespace ClinicBot.Testing.DevSet;

/// <summary>One evaluation case of <c>tests/data/devset.yaml</c> (schema in <c>tests/data/README.md</c>).</summary>
public sealed record DevSetCase(
    string Id,
    Channel Channel,
    string Locale,
    string Text,
    string Category,
    IReadOnlyList<string> Sources,
    IReadOnlyList<IReadOnlyList<string>> MustMention,
    IReadOnlyList<string> MustNotMention,
    string? Note)
{
    /// <summary>Shown by test runners for a [Theory] row.</summary>
    public override string ToString() => Id;
}
