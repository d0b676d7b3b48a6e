using Azure.Core;
using ClinicBot.Answering.Generative;
using ClinicBot.Llm.Tests.Server;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace ClinicBot.Llm.Tests.Connectors;

/// <summary>
/// Semantic Kernel's Azure OpenAI connector (Azure.AI.OpenAI) against the scripted server, through the whole turn
/// pipeline: the deployment path, both ways of signing in, and the same resilience as the OpenAI connector. Entra ID
/// is a Moq <see cref="TokenCredential"/>: a cloud token endpoint cannot run here.
/// </summary>
public sealed class AzureOpenAIConnectorTests
{
    private const string Question = "What is ketamine therapy?";

    [Fact]
    public async Task ApiKey_V1Endpoint_CallsTheDeploymentWithTheKey()
    {
        await using var engine = await StartAsync(new Dictionary<string, string?> { ["Llm:ApiKey"] = "azure-key" });
        engine.Server.Script = (request, response) => Responses.Completion(response, string.Join(" ", Drafts.Echo(request, 2)));

        var reply = await engine.AskAsync(Question);

        Assert.Equal(GenerativeComposer.Name, reply.Composer);
        var received = Assert.Single(engine.Server.Received);
        Assert.StartsWith("/openai/deployments/test-deployment/chat/completions?api-version=", received.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal("azure-key", received.ApiKey);
        Assert.Empty(received.Authorization);
    }

    [Fact]
    public async Task EntraId_NoApiKey_SendsTheCredentialsTokenForTheConfiguredScope()
    {
        var credential = new Mock<TokenCredential>();
        credential.Setup(c => c.GetTokenAsync(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new AccessToken("entra-token", DateTimeOffset.UtcNow.AddHours(1)));
        await using var engine = await StartAsync(
            new Dictionary<string, string?> { ["Llm:ApiKey"] = "", ["Llm:TokenScope"] = "api://clinicbot-test/.default" },
            services => services.AddKeyedSingleton(LlmServiceCollectionExtensions.ServiceKey, credential.Object));
        engine.Server.Script = (request, response) => Responses.Completion(response, string.Join(" ", Drafts.Echo(request, 2)));

        var reply = await engine.AskAsync(Question);

        Assert.Equal(GenerativeComposer.Name, reply.Composer);
        var received = Assert.Single(engine.Server.Received);
        Assert.Equal("Bearer entra-token", received.Authorization);
        Assert.Empty(received.ApiKey);
        credential.Verify(c => c.GetTokenAsync(
            It.Is<TokenRequestContext>(t => t.Scopes.SequenceEqual(new[] { "api://clinicbot-test/.default" })), It.IsAny<CancellationToken>()), Times.AtLeastOnce());
    }

    [Fact]
    public async Task Throttled_429WithRetryAfter_IsRetriedThroughTheSameHandler()
    {
        await using var engine = await StartAsync(new Dictionary<string, string?> { ["Llm:ApiKey"] = "azure-key" });
        engine.Server.Script = (request, response) => request.Number == 1
            ? Responses.Status(response, 429, retryAfter: "1")
            : Responses.Completion(response, string.Join(" ", Drafts.Echo(request, 2)));

        var reply = await engine.AskAsync(Question);

        Assert.Equal(GenerativeComposer.Name, reply.Composer);
        Assert.Equal(2, engine.Server.Requests.Count);
    }

    // The scripted server stands in for https://RESOURCE.openai.azure.com/openai/v1/, with the Azure connector forced.
    private static Task<ScriptedEngine> StartAsync(Dictionary<string, string?> settings, Action<IServiceCollection>? configure = null)
    {
        settings["Llm:Connector"] = "AzureOpenAI";
        settings["Llm:Endpoint"] = ScriptedEngine.ServerRoot + "openai/v1/";
        return ScriptedEngine.StartAsync(settings, configure);
    }
}
