using Polly;

namespace ClinicBot.Llm.Resilience;

/// <summary>
/// The handler of the <see cref="HttpClient"/> Semantic Kernel's connectors send through: each request runs in the
/// <see cref="LlmResiliencePipeline"/>. Every attempt reads the whole response body, a stream included, before it
/// counts as done (<see cref="BufferedBody"/>), so the attempt timeout covers a reply that stalls half-way and a broken stream is retried whole
/// (the composer verifies the whole answer before anyone sees it, so nothing is lost by not streaming it on).
/// </summary>
internal sealed class LlmResilienceHandler(ResiliencePipeline<HttpResponseMessage> pipeline) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        pipeline.ExecuteAsync(static (state, token) => state.Handler.SendOnceAsync(state.Request, token), (Handler: this, Request: request), cancellationToken).AsTask();

    private async ValueTask<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        try
        {
            using var received = response.Content;
            response.Content = BufferedBody.Create(await received.ReadAsByteArrayAsync(cancellationToken), received.Headers);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
