using Azure.Core;
using ClinicBot.Answering.Generative;
using ClinicBot.Llm.Tests.Server;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace ClinicBot.Llm.Tests.Connectors;

/// <summary>Semantic Kernel's OpenAI connector for an OpenAI-compatible server such as Ollama, which needs no key.</summary>
public sealed class OpenAIConnectorTests
{
    [Fact]
    public async Task NoApiKey_CallsTheServerWithoutEntraId()
    {
        var credential = new Mock<TokenCredential>(MockBehavior.Strict);
        await using var engine = await ScriptedEngine.StartAsync(
            new Dictionary<string, string?> { ["Llm:ApiKey"] = "" },
            services => services.AddKeyedSingleton(LlmServiceCollectionExtensions.ServiceKey, credential.Object));
        engine.Server.Script = (request, response) => Responses.Completion(response, string.Join(" ", Drafts.Echo(request, 2)));

        var reply = await engine.AskAsync("What is ketamine therapy?");

        Assert.Equal(GenerativeComposer.Name, reply.Composer);
        var received = Assert.Single(engine.Server.Received);
        Assert.Equal("/v1/chat/completions", received.PathAndQuery);
        Assert.Equal("Bearer", received.Authorization.Trim()); // the connector's placeholder: an empty key
        credential.VerifyNoOtherCalls();
    }
}
