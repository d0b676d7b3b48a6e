using System.ComponentModel.DataAnnotations;
using ClinicBot.Http.Resilience;
using ClinicBot.Llm.Connectors;

namespace ClinicBot.Llm;

/// <summary>
/// The language model endpoint, bound from the <c>Llm</c> configuration section. Generative answers are on only when
/// both <see cref="Endpoint"/> and <see cref="Deployment"/> are set. Keep <see cref="ApiKey"/> in an environment
/// variable (<c>Llm__ApiKey</c>) or user-secrets, never in <c>appsettings.json</c>.
/// </summary>
public sealed class LlmOptions : IValidatableObject
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string Section = "Llm";

    /// <summary>
    /// The model server: an Azure OpenAI resource (<c>https://RESOURCE.openai.azure.com/</c>, or its v1 endpoint
    /// <c>https://RESOURCE.openai.azure.com/openai/v1/</c>; the Azure connector uses the resource part), or the
    /// OpenAI-compatible base URL of any other server: Ollama's <c>http://localhost:11434/v1/</c>, a vLLM server's
    /// <c>/v1/</c>. No default.
    /// </summary>
    [Required]
    public string Endpoint { get; set; } = "";

    /// <summary>The model name sent with each request: the Azure deployment name, or the Ollama/vLLM model. No default.</summary>
    [Required]
    public string Deployment { get; set; } = "";

    /// <summary>
    /// The Semantic Kernel connector: <c>Auto</c> (default) picks Azure OpenAI when <see cref="Endpoint"/>'s host is an
    /// Azure OpenAI one (<c>*.openai.azure.com</c>, <c>*.cognitiveservices.azure.com</c>, <c>*.services.ai.azure.com</c>)
    /// and OpenAI otherwise; <c>AzureOpenAI</c> for a gateway or custom domain in front of Azure OpenAI; <c>OpenAI</c> for
    /// any OpenAI-compatible server.
    /// </summary>
    public LlmConnector Connector { get; set; } = LlmConnector.Auto;

    /// <summary>
    /// The API key: sent as <c>api-key</c> to Azure OpenAI, as <c>Authorization: Bearer</c> to other servers. When empty,
    /// Azure OpenAI is reached with Microsoft Entra ID through <c>DefaultAzureCredential</c> (managed identity, workload
    /// identity, Azure CLI...), and other servers get no key (Ollama needs none). Default empty.
    /// </summary>
    public string ApiKey { get; set; } = "";

    /// <summary>The Entra ID token scope (Azure OpenAI without an API key). Default <c>https://cognitiveservices.azure.com/.default</c>.</summary>
    [Required]
    public string TokenScope { get; set; } = "https://cognitiveservices.azure.com/.default";

    /// <summary>Client id of a user-assigned managed identity for Entra ID; empty uses the system-assigned one. Default empty.</summary>
    public string ManagedIdentityClientId { get; set; } = "";

    /// <summary>The longest a patient waits for the model, retries included, before the extractive answer is sent. Default 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest one request may take. Default 8 s; at most <see cref="Timeout"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>Retries after a 429, a 5xx, a network error or an attempt timeout. Default 2.</summary>
    [Range(0, 5)]
    public int MaxRetries { get; set; } = 2;

    /// <summary>First retry delay when the server sends no <c>Retry-After</c>; doubles each retry, with jitter. Default 0.5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The longest <c>Retry-After</c> honoured; a server asking for a longer wait gets no retry and the patient gets the
    /// extractive answer at once. Default 5 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Share of failed calls within <see cref="CircuitSamplingDuration"/> that opens the circuit. Default 0.5.</summary>
    [Range(0.01, 1.0)]
    public double CircuitFailureRatio { get; set; } = 0.5;

    /// <summary>Fewest calls in the sampling window before the circuit may open. Default 4 (at least 2).</summary>
    [Range(2, 1000)]
    public int CircuitMinimumThroughput { get; set; } = 4;

    /// <summary>The window the failure ratio is measured over. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")]
    public TimeSpan CircuitSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open circuit sends every answer to the extractive composer without calling the model. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")]
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The model client's resilience from these keys: <see cref="Timeout"/> bounds the whole call, and a
    /// <c>Retry-After</c> longer than <see cref="MaxRetryAfter"/> is not waited for (the patient gets the extractive answer).
    /// </summary>
    internal HttpResilienceSettings Resilience() => new(AttemptTimeout, MaxRetries, RetryDelay, MaxRetryAfter)
    {
        TotalTimeout = Timeout,
        FailBeyondMaxRetryAfter = true,
        Circuit = new HttpCircuitSettings(CircuitFailureRatio, CircuitMinimumThroughput, CircuitSamplingDuration, CircuitBreakDuration),
    };

    /// <summary>Whether <see cref="Endpoint"/> and <see cref="Deployment"/> are set: generative answers are configured.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint) && !string.IsNullOrWhiteSpace(Deployment);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            yield return new ValidationResult($"Llm:Endpoint must be an absolute http(s) URL, not '{Endpoint}'.", [nameof(Endpoint)]);
        }

        if (AttemptTimeout > Timeout)
        {
            yield return new ValidationResult("Llm:AttemptTimeout must not exceed Llm:Timeout.", [nameof(AttemptTimeout)]);
        }
    }
}
