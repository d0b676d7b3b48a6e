using ClinicBot.Testing;
using Microsoft.Data.Sqlite;

namespace ClinicBot.Cli.Tests;

/// <summary>A SQLite file in a temporary folder of its own, the real program run on it, and SQL run on it directly.</summary>
internal sealed class CliDatabase : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("clinicbot-cli-").FullName;

    public string Path => System.IO.Path.Combine(_folder, "clinicbot.db");

    /// <summary>Runs <c>clinicbot</c> with <paramref name="args"/> on the file (and <paramref name="settings"/> as environment variables).</summary>
    public Task<(int ExitCode, List<string> Lines, string Error)> RunAsync(IReadOnlyDictionary<string, string>? settings, params string[] args) =>
        CliProcess.RunAsync(RepositoryPaths.Root, "", new Dictionary<string, string>(settings ?? new Dictionary<string, string>()) { ["Storage__SqlitePath"] = Path }, args);

    /// <summary>Runs the statements; returns the first column of every row they return, as text.</summary>
    public List<string> Query(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path};Pooling=False");
        connection.Open();
        using var command = new SqliteCommand(sql, connection);
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        do
        {
            while (reader.Read()) values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }
        while (reader.NextResult());
        return values;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
