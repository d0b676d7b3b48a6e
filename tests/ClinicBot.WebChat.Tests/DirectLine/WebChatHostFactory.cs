using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ClinicBot.Channels.DirectLine;
using ClinicBot.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ClinicBot.WebChat.Tests.DirectLine;

/// <summary>
/// The real host over the repository's articles and prompts, its own SQLite file, and a token clock the test moves.
/// Only the Direct Line tokens read the fake clock (their expiry is what the tests move it for); the rest of the host
/// (typing indicators, retries, background loops, timestamps) keeps the system clock, as in production, so no wait in
/// an end-to-end turn hangs on a fake timer nobody advances.
/// </summary>
/// <param name="dataDirectory">A data folder another factory used (a restart); it is then left for the test to delete.</param>
public sealed class WebChatHostFactory(string? dataDirectory = null) : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = dataDirectory ?? Directory.CreateTempSubdirectory("clinicbot-webchat-").FullName;

    /// <summary>The clock that issues and checks Direct Line tokens (conversation and stream tokens alike).</summary>
    public FakeTimeProvider TokenClock { get; } = new(DateTimeOffset.UtcNow);

    public string DatabasePath => Path.Combine(_dataDirectory, "clinicbot.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:SqlitePath"] = DatabasePath,
            ["Knowledge:ArticlesPath"] = RepositoryPaths.Knowledge,
            ["Knowledge:LexiconPath"] = Path.Combine(RepositoryPaths.Knowledge, "synonyms.yaml"),
            ["Prompts:Path"] = RepositoryPaths.Prompts,
        }));
        builder.ConfigureTestServices(services =>
            services.AddSingleton(sp => new DirectLineTokens(sp.GetRequiredService<IOptions<WebChatOptions>>(), TokenClock)));
    }

    /// <summary>A token from <c>POST /api/webchat/token</c> and the started conversation.</summary>
    public Task<(HttpClient Client, string ConversationId, string Token)> StartConversationAsync() => StartConversationAsync(this);

    /// <summary>A token and a started conversation on any factory of the host (one a test reconfigured, too), once it is ready.</summary>
    public static async Task<(HttpClient Client, string ConversationId, string Token)> StartConversationAsync(WebApplicationFactory<Program> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var client = factory.CreateClient();
        for (var i = 0; i < 300 && (await client.GetAsync("/readyz")).StatusCode != HttpStatusCode.OK; i++) await Task.Delay(100);
        var issued = await (await client.PostAsync("/api/webchat/token", null)).Content.ReadFromJsonAsync<JsonElement>();
        var token = issued.GetProperty("token").GetString()!;
        using var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(start)).StatusCode);
        return (client, issued.GetProperty("conversationId").GetString()!, token);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (dataDirectory is not null) return;
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a temporary folder behind.
        }
    }
}
