using System.Diagnostics;
using System.Globalization;
using AgentTestGuard.InventoryFormat;

namespace AgentTestGuard.Benchmarks;

/// <summary>
/// Times reading an inventory, which every test run does at its start (the run-time extension
/// classifies tests with it), and counts what one read allocates. The first read in this fresh
/// process includes compiling the reader (a test app loads a precompiled one); the others are warm.
/// </summary>
internal static class InventoryReadTiming
{
    public static int Run(string inventory, int iterations)
    {
        var size = new FileInfo(inventory).Length;
        var cold = Measure(inventory, out var tests, out _);
        var warm = new double[iterations];
        long allocated = 0;
        for (var i = 0; i < iterations; i++)
        {
            warm[i] = Measure(inventory, out _, out allocated);
        }

        Array.Sort(warm);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"inventory: {size:N0} bytes, {tests:N0} agent tests"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"read, cold: {cold:F1} ms (first read in a fresh process, the reader's JIT included)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"read, warm: median {warm[iterations / 2]:F1} ms, min {warm[0]:F1} ms ({iterations} reads); {allocated:N0} bytes allocated per read"));
        return 0;
    }

    private static double Measure(string inventory, out int tests, out long allocated)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var start = Stopwatch.GetTimestamp();
        var document = InventoryFile.Read(inventory);
        var elapsed = Stopwatch.GetElapsedTime(start);
        allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        tests = document.Tests.Count;
        return elapsed.TotalMilliseconds;
    }
}
