using System.Diagnostics;
using System.Globalization;
using AgentTestGuard.Configuration;
using AgentTestGuard.Inventory;
using AgentTestGuard.Validation;

namespace AgentTestGuard.Benchmarks;

/// <summary>
/// Times what the MSBuild task does (scan, load policy and catalog, validate). The first run in
/// this fresh process is what a build sees in a new MSBuild node (JIT included); later runs are
/// what it sees in a reused node.
/// </summary>
internal static class InventoryTiming
{
    public static int Run(string assembly, string policy, string catalog, int iterations)
    {
        var cold = Measure(assembly, policy, catalog, out var agentTests);
        var warm = Enumerable.Range(0, iterations).Select(_ => Measure(assembly, policy, catalog, out _)).Order().ToArray();

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"agent tests found:             {agentTests}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"inventory+validation, cold:    {cold:F1} ms (first run in a fresh process, JIT included)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"inventory+validation, warm:    median {warm[warm.Length / 2]:F1} ms, min {warm[0]:F1} ms, max {warm[^1]:F1} ms ({iterations} runs)"));
        return 0;
    }

    private static double Measure(string assembly, string policy, string catalog, out int count)
    {
        var watch = Stopwatch.StartNew();
        var scan = AssemblyScanner.Scan(new ScanRequest(assembly));
        var configuration = RepositoryConfiguration.Load(policy, catalog, out var loading);
        var diagnostics = AgentTestValidator.Validate(scan.Tests, configuration, assembly, Path.GetDirectoryName(assembly)!);
        watch.Stop();
        if (scan.Diagnostics.Concat(loading).Concat(diagnostics).FirstOrDefault() is { } unexpected)
        {
            throw new InvalidOperationException($"The generated suite should be valid: {unexpected}");
        }

        count = scan.Tests.Count;
        return watch.Elapsed.TotalMilliseconds;
    }
}
