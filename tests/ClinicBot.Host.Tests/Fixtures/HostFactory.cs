using System.Net;
using Azure.Core;
using ClinicBot.Channels.BotFramework.Turns;
using ClinicBot.Conversations.Turns;
using ClinicBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moq;

namespace ClinicBot.Host.Tests.Fixtures;

/// <summary>
/// The real host over the repository's articles and prompts and its own SQLite file in a temporary folder.
/// Settings override configuration; the cloud token endpoint is the only thing replaced (by a Moq credential).
/// </summary>
public sealed class HostFactory : WebApplicationFactory<Program>
{
    private static readonly string[] StorageSelection = ["Storage:Provider", "ConnectionStrings:ClinicBot"];

    private readonly Dictionary<string, string?> _settings;
    private readonly bool _ownsDirectory;

    /// <summary>A host on a new temporary folder, deleted with it.</summary>
    public HostFactory()
        : this(null)
    {
    }

    private HostFactory(string? dataDirectory)
    {
        _ownsDirectory = dataDirectory is null;
        DataDirectory = dataDirectory ?? Directory.CreateTempSubdirectory("clinicbot-host-").FullName;
        _settings = new Dictionary<string, string?>
        {
            ["Storage:SqlitePath"] = Path.Combine(DataDirectory, "clinicbot.db"),
            ["Knowledge:ArticlesPath"] = RepositoryPaths.Knowledge,
            ["Knowledge:LexiconPath"] = Path.Combine(RepositoryPaths.Knowledge, "synonyms.yaml"),
            ["Prompts:Path"] = RepositoryPaths.Prompts,
            // Keep retries quick; Retry-After is still honoured up to this cap.
            ["BotFramework:ConnectorRetryDelay"] = "00:00:00.050",
            ["BotFramework:ConnectorMaxRetryAfter"] = "00:00:05",
        };

        Credential.Setup(c => c.GetTokenAsync(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => new AccessToken("bot-token", DateTimeOffset.UtcNow.AddHours(1)));
    }

    public string DataDirectory { get; }

    /// <summary>
    /// A host on a folder another host used (a restart on its database); the folder is left in place. Its inbox lease is
    /// 1 s: a restarted host is another host (a new lease owner), which takes over what the stopped one left once that
    /// one's lease has expired.
    /// </summary>
    public static HostFactory Reusing(string dataDirectory)
    {
        var host = new HostFactory(dataDirectory);
        host.Settings["Inbox:LeaseSeconds"] = "1";
        return host;
    }

    /// <summary>Configuration overrides; change them before the first request.</summary>
    public IDictionary<string, string?> Settings => _settings;

    /// <summary>The address requests appear to come from.</summary>
    public IPAddress RemoteAddress { get; set; } = IPAddress.Loopback;

    /// <summary>Wraps the real turn handler (slow or failing turns).</summary>
    public Func<ITurnHandler, ITurnHandler>? WrapTurns { get; set; }

    /// <summary>The cloud token endpoint: the one seam that cannot run here.</summary>
    public Mock<TokenCredential> Credential { get; } = new();

    /// <summary>The host's environment (Development unless a test says otherwise); set it before the first request.</summary>
    public string Environment { get; set; } = "Development";

    /// <summary>Every log line the host writes.</summary>
    public CapturingLoggerProvider Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(_settings));
        // The storage provider is chosen while services are registered, before the configuration above applies (minimal
        // hosting); host settings are there from the start.
        foreach (var key in StorageSelection) builder.UseSetting(key, _settings.GetValueOrDefault(key));
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(Credential.Object);
            services.AddSingleton<IStartupFilter>(new RemoteAddressFilter(() => RemoteAddress));
            if (WrapTurns is { } wrap)
            {
                services.AddSingleton<ITurnHandler>(sp => wrap(new PipelineTurnHandler(sp.GetRequiredService<TurnPipeline>(), sp.GetService<ClinicBot.Channels.Sms.SmsTurnFilter>())));
            }
        });
    }

    /// <summary>A client for the host; waits until the knowledge base is loaded.</summary>
    public async Task<HttpClient> ReadyClientAsync()
    {
        var client = CreateClient();
        for (var i = 0; i < 300; i++)
        {
            if ((await client.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK) return client;
            await Task.Delay(100);
        }

        throw new TimeoutException("The host did not become ready.");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (!_ownsDirectory) return;
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a temporary folder behind.
        }
    }

    // TestServer has no socket; give requests the address a test chooses.
    private sealed class RemoteAddressFilter(Func<IPAddress> address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address();
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
