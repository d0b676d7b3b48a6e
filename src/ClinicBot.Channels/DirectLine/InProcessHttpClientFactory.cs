namespace ClinicBot.Channels.DirectLine;

/// <summary>Gives the Direct Line bot's Connector client an <see cref="HttpClient"/> that never leaves the process.</summary>
internal sealed class InProcessHttpClientFactory(InProcessConnectorHandler handler) : IHttpClientFactory
{
    public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
}
