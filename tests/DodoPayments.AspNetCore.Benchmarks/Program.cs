using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/DodoPayments.AspNetCore.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
