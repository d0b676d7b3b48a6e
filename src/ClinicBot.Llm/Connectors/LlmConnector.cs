namespace ClinicBot.Llm.Connectors;

/// <summary>Which Semantic Kernel connector talks to the model, bound from <c>Llm:Connector</c>.</summary>
public enum LlmConnector
{
    /// <summary>The Azure OpenAI connector when <c>Llm:Endpoint</c> is an Azure OpenAI host, else the OpenAI connector.</summary>
    Auto,

    /// <summary>
    /// Semantic Kernel's Azure OpenAI connector (Azure.AI.OpenAI): deployments under the resource's
    /// <c>/openai/deployments/</c>, an API key or Microsoft Entra ID. For a gateway or custom domain in front of Azure OpenAI.
    /// </summary>
    AzureOpenAI,

    /// <summary>Semantic Kernel's OpenAI connector, for any OpenAI-compatible server (Ollama, vLLM, OpenAI itself).</summary>
    OpenAI,
}
