using Microsoft.Data.Sqlite;

namespace ClinicBot.Cli.Tests;

/// <summary>Reads and writes the database file a CLI run used, as sqlite3 would (no pooling: the file is deleted after).</summary>
internal static class SqliteFile
{
    /// <summary>Runs <paramref name="sql"/> on the file; returns the first column of the first row, if any.</summary>
    public static object? Scalar(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
