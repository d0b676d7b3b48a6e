using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicBot.Host.Tests.Fixtures;
using Microsoft.Data.Sqlite;

namespace ClinicBot.Host.Tests.Health;

public sealed class HealthEndpointsTests(HostFactory host) : IClassFixture<HostFactory>
{
    [Fact]
    public async Task Healthz_Always_Returns200()
    {
        var response = await host.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Readyz_AfterWarmup_ReportsArticlesLoaded()
    {
        var client = await host.ReadyClientAsync();

        var body = await client.GetFromJsonAsync<JsonObject>("/readyz");

        Assert.Equal("ready", (string?)body!["status"]);
        Assert.True((int)body["articles"]! > 0);
    }

    [Fact]
    public async Task Readyz_DatabaseRefusesWrites_Returns503UntilItTakesThemAgain()
    {
        var client = await host.ReadyClientAsync();
        HttpResponseMessage refused;
        await using (var holder = new SqliteConnection($"Data Source={Path.Combine(host.DataDirectory, "clinicbot.db")};Pooling=False"))
        {
            await holder.OpenAsync();
            await using var begin = holder.CreateCommand();
            begin.CommandText = "BEGIN EXCLUSIVE";
            await begin.ExecuteNonQueryAsync();

            refused = await client.GetAsync("/readyz");
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("database does not take writes", (string?)(await refused.Content.ReadFromJsonAsync<JsonObject>())!["status"]);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
    }

    [Fact]
    public async Task Articles_KnownId_ServesPageWithPublisher()
    {
        var client = await host.ReadyClientAsync();

        var html = await client.GetStringAsync("/articles/science-of-ketamine-therapy-sacramento");

        Assert.Contains("<h1>", html);
        Assert.Contains("Sacramento", html);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/articles/no-such-article")).StatusCode);
    }
}
