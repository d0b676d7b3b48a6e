using ClinicBot.Llm.Connectors;

namespace ClinicBot.Llm.Tests.Connectors;

/// <summary>Which connector <c>Llm:Endpoint</c> and <c>Llm:Connector</c> choose, and the URL the Azure connector gets.</summary>
public sealed class ConnectorChoiceTests
{
    [Theory]
    [InlineData("https://clinic.openai.azure.com/openai/v1/", LlmConnector.Auto, LlmConnector.AzureOpenAI)]
    [InlineData("https://clinic.cognitiveservices.azure.com/", LlmConnector.Auto, LlmConnector.AzureOpenAI)]
    [InlineData("https://clinic.services.ai.azure.com/", LlmConnector.Auto, LlmConnector.AzureOpenAI)]
    [InlineData("http://localhost:11434/v1/", LlmConnector.Auto, LlmConnector.OpenAI)]
    [InlineData("https://api.openai.com/v1/", LlmConnector.Auto, LlmConnector.OpenAI)]
    [InlineData("https://notazure.com.openai.example/v1/", LlmConnector.Auto, LlmConnector.OpenAI)]
    [InlineData("https://llm-gateway.clinic.example/", LlmConnector.AzureOpenAI, LlmConnector.AzureOpenAI)]
    [InlineData("https://clinic.openai.azure.com/openai/v1/", LlmConnector.OpenAI, LlmConnector.OpenAI)]
    public void Resolve_ByHostUnlessChosen(string endpoint, LlmConnector configured, LlmConnector expected) =>
        Assert.Equal(expected, AzureOpenAIEndpoint.Resolve(new LlmOptions { Endpoint = endpoint, Deployment = "d", Connector = configured }));

    [Theory]
    [InlineData("https://clinic.openai.azure.com/openai/v1/", "https://clinic.openai.azure.com/")]
    [InlineData("https://clinic.openai.azure.com/openai/v1", "https://clinic.openai.azure.com/")]
    [InlineData("https://clinic.openai.azure.com/openai/", "https://clinic.openai.azure.com/")]
    [InlineData("https://clinic.openai.azure.com/", "https://clinic.openai.azure.com/")]
    [InlineData("https://gateway.example/aoai/openai/v1/", "https://gateway.example/aoai/")]
    [InlineData("https://gateway.example/openaiproxy/", "https://gateway.example/openaiproxy/")]
    public void ResourceUrl_DropsTheOpenAiPath(string endpoint, string expected) =>
        Assert.Equal(new Uri(expected), AzureOpenAIEndpoint.ResourceUrl(new Uri(endpoint)));
}
