using BenchmarkDotNet.Running;

// Run every benchmark: dotnet run -c Release --project tests/ClinicBot.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
