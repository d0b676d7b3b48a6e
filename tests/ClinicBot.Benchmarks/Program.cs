using BenchmarkDotNet.Running;
using ClinicBot.Benchmarks.Answering;
using ClinicBot.Benchmarks.Startup;

// Start-up from an empty data folder:   dotnet run -c Release --project tests/ClinicBot.Benchmarks -- startup
// Quick distribution, as CI prints it:   dotnet run -c Release --project tests/ClinicBot.Benchmarks -- latency
// ClinicBot beside its peers on the blind split (quality and latency):   dotnet run -c Release --project tests/ClinicBot.Benchmarks -- answers
// Careful per-question figures:        dotnet run -c Release --project tests/ClinicBot.Benchmarks -- --filter '*'
if (args is ["startup", ..])
{
    StartupReport.Run();
    return;
}

if (args is ["latency", ..])
{
    AnswerLatencyReport.Run(rounds: args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 50);
    return;
}

if (args is ["answers", ..])
{
    AnswerComparisonReport.Run(passes: args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(AnswerBenchmarks).Assembly).Run(args);
