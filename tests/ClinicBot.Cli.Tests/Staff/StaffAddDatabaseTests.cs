using ClinicBot.Testing;

namespace ClinicBot.Cli.Tests.Staff;

/// <summary>
/// A newcomer runs the host with <c>./src/run.sh</c> (working directory src/ClinicBot.Host) and creates the staff
/// account from the repository root, as the README says: both must use the same database.
/// </summary>
public sealed class StaffAddDatabaseTests : IDisposable
{
    private readonly string _folder = "data-test-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task StaffAdd_FromTheRootAndFromTheHostsFolder_WritesOneDatabaseBesideTheContent()
    {
        var environment = new Dictionary<string, string> { ["Storage__SqlitePath"] = Path.Combine(_folder, "clinicbot.db") };
        var expected = Path.Combine(RepositoryPaths.Root, _folder, "clinicbot.db");

        var fromRoot = await CliProcess.RunAsync(RepositoryPaths.Root, "a long enough password 1\n", environment,
            "staff", "add", "--email", "ana@clinic.example", "--name", "Ana");
        var fromHost = await CliProcess.RunAsync(Path.Combine(RepositoryPaths.Root, "src", "ClinicBot.Host"), "a long enough password 1\n", environment,
            "staff", "add", "--email", "ana@clinic.example", "--name", "Ana");

        Assert.Equal(0, fromRoot.ExitCode);
        Assert.Contains(expected, fromRoot.Lines.Single());
        Assert.True(File.Exists(expected));
        // The second run found the account the first one made: the same file.
        Assert.NotEqual(0, fromHost.ExitCode);
        Assert.Contains("already", fromHost.Error, StringComparison.OrdinalIgnoreCase);
        Assert.False(Directory.Exists(Path.Combine(RepositoryPaths.Root, "src", "ClinicBot.Host", _folder)));
    }

    public void Dispose()
    {
        var folder = Path.Combine(RepositoryPaths.Root, _folder);
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }
}
