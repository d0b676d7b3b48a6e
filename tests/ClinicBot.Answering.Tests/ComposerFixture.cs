using ClinicBot.Answering.Extractive;
using ClinicBot.Testing;

namespace ClinicBot.Answering.Tests;

/// <summary>The real extractive composer over the repository's articles and a temporary SQLite index.</summary>
public sealed class ComposerFixture : IDisposable
{
    private readonly EngineHost _host = new();

    public ExtractiveComposer Composer => _host.Get<ExtractiveComposer>();

    public void Dispose() => _host.Dispose();
}
