namespace ClinicBot.Llm.Resilience;

/// <summary>
/// The innermost handler of the model's <see cref="HttpClient"/>, inside the resilience handler: every attempt reads
/// the whole response body, a stream included, before it counts as done (<see cref="BufferedBody"/>), so the attempt
/// timeout covers a reply that stalls half-way and a broken stream is retried whole (the composer verifies the whole
/// answer before anyone sees it, so nothing is lost by not streaming it on).
/// </summary>
internal sealed class WholeBodyHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
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
