using ClinicBot.Host.Tests.Fixtures;

namespace ClinicBot.Host.Tests.Privacy;

/// <summary>
/// <c>Privacy:DataKey</c> at start-up: outside Development a missing or invalid key stops the host with a message naming
/// it; in Development a key is generated once into <c>clinicbot.datakey</c> beside the database (owner-only), kept across
/// restarts, with a warning that never shows the key.
/// </summary>
public sealed class DataKeyStartupTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("bm90IDMyIGJ5dGVz")]
    public async Task Start_ProductionWithoutAValidKey_FailsNamingTheSetting(string? key)
    {
        await using var host = new HostFactory { Environment = "Production" };
        host.Settings["Warmup:Turns"] = "false";
        if (key is not null) host.Settings["Privacy:DataKey"] = key;

        var failure = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        Assert.Contains("Privacy:DataKey", failure.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(host.DataDirectory, "clinicbot.datakey")));
    }

    [Fact]
    public async Task Start_DevelopmentWithoutKey_GeneratesAnOwnerOnlyKeyFileOnceAndWarnsWithoutShowingIt()
    {
        string key;
        var folder = Directory.CreateTempSubdirectory("clinicbot-datakey-").FullName;
        try
        {
            await using (var first = HostFactory.Reusing(folder))
            {
                first.Settings["Warmup:Turns"] = "false";
                await first.ReadyClientAsync();
                var file = Path.Combine(folder, "clinicbot.datakey");
                key = File.ReadAllText(file);
                Assert.Equal(32, Convert.FromBase64String(key).Length);
                if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
                Assert.Contains(first.Logs.Lines, l => l.Contains("Warning", StringComparison.Ordinal) && l.Contains("Privacy:DataKey is not set", StringComparison.Ordinal) && l.Contains(file, StringComparison.Ordinal));
                Assert.DoesNotContain(first.Logs.Lines, l => l.Contains(key, StringComparison.Ordinal));
            }

            await using var second = HostFactory.Reusing(folder);
            second.Settings["Warmup:Turns"] = "false";
            await second.ReadyClientAsync();
            Assert.Equal(key, File.ReadAllText(Path.Combine(folder, "clinicbot.datakey")));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
