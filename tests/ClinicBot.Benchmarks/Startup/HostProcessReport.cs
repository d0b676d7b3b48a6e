using System.Diagnostics;
using System.Globalization;
using System.Net;
using ClinicBot.Testing;

namespace ClinicBot.Benchmarks.Startup;

/// <summary>
/// The web host itself, as a clinic runs it (the Release build of <c>src/ClinicBot.Host</c>, an empty SQLite database in
/// a temporary folder): seconds until <c>/readyz</c> says ready — the engine, then the turn warm-up — and the process's
/// resident memory then, read from <c>/proc</c>. Printed beside <see cref="StartupReport"/>'s in-process figures, which
/// leave out ASP.NET Core, the channels and the warm-up.
/// </summary>
internal static class HostProcessReport
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(120);

    public static void Run()
    {
        var repository = RepositoryPaths.Root;
        var dll = Path.Combine(repository, "src", "ClinicBot.Host", "bin", "Release", "net10.0", "ClinicBot.Host.dll");
        if (!File.Exists(dll))
        {
            Console.WriteLine($"  web host: not measured, build it first (dotnet build -c Release src/ClinicBot.Host): {dll} not found");
            return;
        }

        var data = Directory.CreateTempSubdirectory("clinicbot-startup-");
        var url = $"http://127.0.0.1:{LoopbackPorts.Free()}";
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = repository,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
                 {
                     dll, "--urls", url, $"--Storage:SqlitePath={Path.Combine(data.FullName, "clinicbot.db")}",
                     // Production requires the key patient text is encrypted under; a throwaway one.
                     $"--Privacy:DataKey={Convert.ToBase64String(new byte[32])}",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var clock = Stopwatch.StartNew();
        using var host = Process.Start(start)!;
        host.OutputDataReceived += (_, _) => { };
        host.ErrorDataReceived += (_, _) => { };
        host.BeginOutputReadLine();
        host.BeginErrorReadLine();
        try
        {
            var ready = WaitReady(url, host);
            if (ready is null)
            {
                Console.WriteLine($"  web host: not ready within {Limit.TotalSeconds:0} s");
                return;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  web host (Release, its own process): /readyz ready {ready.Value.TotalMilliseconds:0} ms after start, of which the turn warm-up is most; resident memory then {ResidentMegabytes(host.Id)} MB (target <= 350 MB)"));
        }
        finally
        {
            if (!host.HasExited) host.Kill(entireProcessTree: true);
            host.WaitForExit();
            data.Delete(recursive: true);
        }

        TimeSpan? WaitReady(string baseUrl, Process process)
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            while (clock.Elapsed < Limit && !process.HasExited)
            {
                try
                {
                    if (http.GetAsync(new Uri($"{baseUrl}/readyz")).GetAwaiter().GetResult().StatusCode == HttpStatusCode.OK) return clock.Elapsed;
                }
                catch (HttpRequestException)
                {
                    // not listening yet
                }
                catch (TaskCanceledException)
                {
                    // busy starting
                }

                Thread.Sleep(25);
            }

            return null;
        }
    }

    // VmRSS of /proc/{pid}/status, in MB.
    private static long ResidentMegabytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }
}
