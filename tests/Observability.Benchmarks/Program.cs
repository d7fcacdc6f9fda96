using BenchmarkDotNet.Running;

namespace Observability.Benchmarks;

/// <summary>Entry point: pick benchmarks with <c>--filter</c>, for example <c>--filter '*'</c>.</summary>
public static class Program
{
    /// <summary>Runs the benchmarks chosen on the command line.</summary>
    /// <param name="args">BenchmarkDotNet's arguments.</param>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
