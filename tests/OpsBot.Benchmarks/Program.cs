using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(OpsBot.Benchmarks.PolicyEvaluationBenchmarks).Assembly).Run(args);
