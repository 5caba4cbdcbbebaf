using System.Diagnostics;
using System.Globalization;
using AgentTestGuard.Json;
using AgentTestGuard.TestingPlatform.Record;

namespace AgentTestGuard.Benchmarks;

/// <summary>
/// Times the extension's hand-written run record writer (RunRecordWriter with PlainRecordLine, the
/// sources linked in from the extension) against System.Text.Json's source generator
/// (<see cref="SourceGeneratedRunRecord"/>), one way per process, so that the first (cold) write
/// includes everything a test run's one write of its record compiles and initializes. Checks first
/// that both ways write the same bytes, so that the figures compare the same work.
/// </summary>
internal static class RunRecordSerializerTiming
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    public static int Run(string way, int tests, int iterations)
    {
        var record = Record(tests);
        Func<MemoryStream> operation = way switch
        {
            "hand" => () => WriteByHand(record),
            "generated" => () => WriteGenerated(record),
            "check" => () => Check(record),
            _ => throw new ArgumentException($"unknown way '{way}'", nameof(way)),
        };

        var cold = Measure(operation, out var coldAllocated);
        var warm = new double[iterations];
        long allocated = 0;
        for (var i = 0; i < iterations; i++)
        {
            warm[i] = Measure(operation, out allocated);
        }

        Array.Sort(warm);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{way,-9} {tests,6:N0} tests  cold {cold,7:F1} ms ({coldAllocated,10:N0} bytes)   warm median {warm[iterations / 2],6:F2} ms, min {warm[0],6:F2} ms   {allocated,12:N0} bytes allocated"));
        return 0;
    }

    private static MemoryStream WriteByHand(RunRecordDocument record)
    {
        var stream = new MemoryStream();
        IndentedJson.Write(stream, json => RunRecordWriter.Write(json, record));
        return stream;
    }

    private static MemoryStream WriteGenerated(RunRecordDocument record)
    {
        var stream = new MemoryStream();
        SourceGeneratedRunRecord.Write(stream, record);
        return stream;
    }

    private static MemoryStream Check(RunRecordDocument record)
    {
        var byHand = WriteByHand(record);
        var generated = WriteGenerated(record);
        if (!byHand.ToArray().AsSpan().SequenceEqual(generated.ToArray()))
        {
            File.WriteAllBytes("hand.agentrun.json", byHand.ToArray());
            File.WriteAllBytes("generated.agentrun.json", generated.ToArray());
            throw new InvalidOperationException("the two writers wrote different bytes (see hand.agentrun.json and generated.agentrun.json)");
        }

        return byHand;
    }

    /// <summary>
    /// A run of <paramref name="tests"/> tests: every fifth an agent test (approved, with agent,
    /// fingerprint and criteria; every tenth quarantined and unapproved), every third a theory case
    /// with a display name, every 97th a failure whose message needs escaping (which takes the hand
    /// writer's slower path), and one ignored exit code.
    /// </summary>
    private static RunRecordDocument Record(int tests)
    {
        var list = new RunRecordTest[tests];
        for (var i = 0; i < tests; i++)
        {
            var agent = i % 5 == 0;
            var quarantined = i % 10 == 0;
            var failed = i % 97 == 0;
            list[i] = new RunRecordTest(
                $"Shop.Tests.Orders.T{i:D5}.Computes_the_total",
                i % 3 == 0 ? $"Shop.Tests.Orders.T{i:D5}.Computes_the_total(quantity: {i % 7}, currency: \"EUR\")" : null,
                failed ? "failed" : "passed",
                Math.Round((i % 13 * 1.25) + 0.123, 3),
                failed ? $"Assert.Equal() Failure: Values differ\nExpected: {i}\nActual:   {i + 1}" : null,
                1,
                agent ? (quarantined ? "quarantined" : "approved") : "gating",
                agent ? (quarantined ? "unapproved" : "approved") : null,
                agent ? "copilot" : null,
                null,
                agent ? $"v2:{i:x8}dc88fadc8f275c676b441092" : null,
                agent ? ["AC-12", $"AC-{i % 40}"] : null);
        }

        var failures = (tests + 96) / 97;
        return new RunRecordDocument(
            RunRecordDocument.CurrentSchemaVersion, "AgentTestGuard 1.4.0", "5d41402abc4b2a76b9719d911017c592", "Shop.Tests",
            "/repo/tests/Shop.Tests/bin/Release/net10.0/Shop.Tests.agenttests.json", "ci", false, true, "build-01",
            new CodeRevision("0a1b2c3d4e5f60718293a4b5c6d7e8f901234567", "GITHUB_SHA"), Noon, Noon.AddSeconds(41.5), "Dana Lee <dana.lee@example.com>",
            new RunRecordVerdict(failures, 0, false, false, false), list)
        {
            IgnoredExitCodes = [8],
        };
    }

    private static double Measure(Func<MemoryStream> operation, out long allocated)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var start = Stopwatch.GetTimestamp();
        GC.KeepAlive(operation());
        var elapsed = Stopwatch.GetElapsedTime(start);
        allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        return elapsed.TotalMilliseconds;
    }
}
