using System.Diagnostics;
using System.Globalization;
using AgentTestGuard.InventoryFormat;
using AgentTestGuard.Json;

namespace AgentTestGuard.Benchmarks;

/// <summary>
/// Times the hand-written inventory reader and writer against System.Text.Json's source
/// generator (<see cref="SourceGeneratedInventory"/>) on one inventory, one way per process, so
/// that the first (cold) operation includes everything a test app's or a build's one read or write
/// compiles and initializes. Checks first that both ways read the same document and write the same
/// bytes, so that the figures compare the same work.
/// </summary>
internal static class InventorySerializerTiming
{
    public static int Run(string way, string inventory, int iterations)
    {
        Func<string, object> operation = way switch
        {
            "hand-read" => path => InventoryFile.Read(path),
            "generated-read" => path => SourceGeneratedInventory.Read(path),
            "hand-write" => WriteByHand(InventoryFile.Read(inventory)),
            "generated-write" => WriteGenerated(InventoryFile.Read(inventory)),
            "check" => Check,
            _ => throw new ArgumentException($"unknown way '{way}'", nameof(way)),
        };

        var cold = Measure(operation, inventory, out _);
        var warm = new double[iterations];
        long allocated = 0;
        for (var i = 0; i < iterations; i++)
        {
            warm[i] = Measure(operation, inventory, out allocated);
        }

        Array.Sort(warm);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{way,-16} cold {cold,7:F1} ms   warm median {warm[iterations / 2],6:F2} ms, min {warm[0],6:F2} ms   {allocated,12:N0} bytes allocated"));
        return 0;
    }

    private static Func<string, object> WriteByHand(InventoryDocument document) => _ =>
    {
        var stream = new MemoryStream();
        IndentedJson.Write(stream, json => InventoryWriter.Write(json, document));
        return stream;
    };

    private static Func<string, object> WriteGenerated(InventoryDocument document) => _ =>
    {
        var stream = new MemoryStream();
        SourceGeneratedInventory.Write(stream, document);
        return stream;
    };

    private static MemoryStream Check(string inventory)
    {
        var byHand = InventoryFile.Read(inventory);
        var generated = SourceGeneratedInventory.Read(inventory);
        var written = (MemoryStream)WriteByHand(byHand)(inventory);
        var writtenGenerated = (MemoryStream)WriteGenerated(generated)(inventory);
        if (!written.ToArray().AsSpan().SequenceEqual(writtenGenerated.ToArray()))
        {
            throw new InvalidOperationException("the two writers wrote different bytes");
        }

        if (!written.ToArray().AsSpan().SequenceEqual(File.ReadAllBytes(inventory)))
        {
            throw new InvalidOperationException("the inventory does not read back to the same bytes");
        }

        return written;
    }

    private static double Measure(Func<string, object> operation, string inventory, out long allocated)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var start = Stopwatch.GetTimestamp();
        GC.KeepAlive(operation(inventory));
        var elapsed = Stopwatch.GetElapsedTime(start);
        allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        return elapsed.TotalMilliseconds;
    }
}
