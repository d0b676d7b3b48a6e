using System.Diagnostics;
using Npgsql;

namespace ClinicBot.Testing;

/// <summary>
/// A real PostgreSQL server for the tests: Debian's binaries (<c>/usr/lib/postgresql/&lt;version&gt;/bin</c>), a cluster made
/// by <c>initdb</c> in a new temporary folder, listening on a free port of 127.0.0.1 (its unix socket in that folder), run
/// as a user that is not root (<c>postgres</c>, through <c>runuser</c>, when the tests run as root: initdb refuses root).
/// No system service, nothing downloaded. Dispose it to stop the server and delete the folder. Without the binaries the
/// constructor fails, saying to install Debian's <c>postgresql</c> package (as <c>./tests/run.sh</c> does).
/// </summary>
public sealed class PostgresServer : IDisposable
{
    /// <summary>Where Debian installs each PostgreSQL version's server binaries.</summary>
    public const string DebianRoot = "/usr/lib/postgresql";

    private const string SuperUser = "postgres";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    private readonly string _bin;
    private readonly string _folder;
    private readonly string _data;
    private readonly bool _asPostgresUser = Environment.UserName == "root";
    private int _databases;

    /// <summary>Makes the cluster and starts the server; returns once it accepts connections.</summary>
    public PostgresServer()
    {
        _bin = FindBinaries();
        _folder = Directory.CreateTempSubdirectory("clinicbot-pg-").FullName;
        _data = Path.Combine(_folder, "data");
        var sockets = Directory.CreateDirectory(Path.Combine(_folder, "sockets")).FullName;
        if (_asPostgresUser) Run("chown", ["-R", $"{SuperUser}:{SuperUser}", _folder], asPostgresUser: false);

        Run(Path.Combine(_bin, "initdb"), ["-D", _data, "-U", SuperUser, "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"]);
        Port = LoopbackPorts.Free();
        // Durability off: a test cluster is thrown away, and fsync on 2 shared cores would dominate the suite's time.
        var settings = $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={sockets} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300";
        Run(Path.Combine(_bin, "pg_ctl"), ["-D", _data, "-l", Path.Combine(_folder, "server.log"), "-o", settings, "-w", "-t", "60", "start"]);
    }

    /// <summary>The TCP port the server listens on (127.0.0.1 only).</summary>
    public int Port { get; }

    /// <summary>A connection string to <paramref name="database"/> on this server.</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = SuperUser,
        Database = database,
        // Tests open several service providers at once (two "hosts"); small pools keep them under max_connections.
        MaxPoolSize = 20,
    }.ConnectionString;

    /// <summary>Creates a new empty database; returns its connection string.</summary>
    public string CreateDatabase(string prefix)
    {
        var name = $"{new string(prefix.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(40).ToArray())}_{Interlocked.Increment(ref _databases)}";
        using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        connection.Open();
        using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        command.ExecuteNonQuery();
        return ConnectionString(name);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            Run(Path.Combine(_bin, "pg_ctl"), ["-D", _data, "-m", "immediate", "-w", "stop"]);
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static string FindBinaries()
    {
        var bin = Directory.Exists(DebianRoot)
            ? Directory.EnumerateDirectories(DebianRoot)
                .Select(version => (Version: int.TryParse(Path.GetFileName(version), out var number) ? number : 0, Bin: Path.Combine(version, "bin")))
                .Where(v => v.Version >= 15 && File.Exists(Path.Combine(v.Bin, "initdb")) && File.Exists(Path.Combine(v.Bin, "pg_ctl")))
                .OrderByDescending(v => v.Version)
                .Select(v => v.Bin)
                .FirstOrDefault()
            : null;
        return bin ?? throw new InvalidOperationException(
            $"The PostgreSQL tests need a PostgreSQL 15+ server's binaries ({DebianRoot}/<version>/bin/initdb and pg_ctl), and none were found: " +
            "install Debian's package 'postgresql' (apt-get install postgresql; ./tests/run.sh installs it when missing). No system service is used.");
    }

    private void Run(string file, IReadOnlyList<string> arguments) => Run(file, arguments, _asPostgresUser);

    private static void Run(string file, IReadOnlyList<string> arguments, bool asPostgresUser)
    {
        var start = new ProcessStartInfo(asPostgresUser ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // A folder the postgres user may enter: the tests' own folder may not be readable to it.
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asPostgresUser)
        {
            foreach (var argument in new[] { "-u", SuperUser, "--", file }) start.ArgumentList.Add(argument);
        }

        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(CommandTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{Path.GetFileName(file)} did not finish within {CommandTimeout}.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} failed ({process.ExitCode}): {output.Result}{error.Result}");
        }
    }
}
