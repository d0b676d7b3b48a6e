using System.Diagnostics;
using ClinicBot.Testing;

namespace ClinicBot.Cli.Tests;

/// <summary>The real program, started as a process on the repository's articles and prompts.</summary>
internal static class CliProcess
{
    public static Task<(int ExitCode, List<string> Lines, string Error)> RunAsync(string workingDirectory, string input, params string[] args) =>
        RunAsync(workingDirectory, input, new Dictionary<string, string>(), args);

    /// <summary>The same, with more environment variables (settings such as <c>Storage__SqlitePath</c>).</summary>
    public static async Task<(int ExitCode, List<string> Lines, string Error)> RunAsync(
        string workingDirectory, string input, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "clinicbot.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["Knowledge__ArticlesPath"] = RepositoryPaths.Knowledge;
        start.Environment["Knowledge__LexiconPath"] = Path.Combine(RepositoryPaths.Knowledge, "synonyms.yaml");
        start.Environment["Prompts__Path"] = RepositoryPaths.Prompts;
        foreach (var (key, value) in environment) start.Environment[key] = value;

        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        return (process.ExitCode, lines, await error);
    }
}
