using Polly;

namespace ClinicBot.Llm.Resilience;

/// <summary>
/// The one <see cref="HttpClient"/> for model calls: <see cref="LlmResilienceHandler"/> over a pooled
/// <see cref="SocketsHttpHandler"/> (connections recycled so DNS changes are seen). Its own timeout is off: the
/// pipeline's total and attempt timeouts are the only ones.
/// </summary>
internal static class LlmHttpClient
{
    public static HttpClient Create(ResiliencePipeline<HttpResponseMessage> pipeline, HttpMessageHandler? primary = null) =>
        new(new LlmResilienceHandler(pipeline) { InnerHandler = primary ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) } })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
}
