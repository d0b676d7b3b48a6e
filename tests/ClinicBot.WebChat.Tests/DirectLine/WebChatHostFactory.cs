using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ClinicBot.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicBot.WebChat.Tests.DirectLine;

/// <summary>The real host over the repository's articles and prompts, its own SQLite file, and a clock the test moves.</summary>
/// <param name="dataDirectory">A data folder another factory used (a restart); it is then left for the test to delete.</param>
public sealed class WebChatHostFactory(string? dataDirectory = null) : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory = dataDirectory ?? Directory.CreateTempSubdirectory("clinicbot-webchat-").FullName;

    public ManualTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

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
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>A token from <c>POST /api/webchat/token</c> and the started conversation.</summary>
    public async Task<(HttpClient Client, string ConversationId, string Token)> StartConversationAsync()
    {
        var client = CreateClient();
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
