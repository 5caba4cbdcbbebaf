using System.Diagnostics;

namespace AgentTestGuard.Tool.Report.Timing;

/// <summary>
/// With <c>AGENTTESTGUARD_TIMINGS=1</c>, the report's phases print how long they took on standard
/// error (docs/report.md#speed): how the report's time was profiled, and how to look again.
/// </summary>
internal static class ReportTimings
{
    public const string Variable = "AGENTTESTGUARD_TIMINGS";

    private static readonly bool Enabled = Environment.GetEnvironmentVariable(Variable) == "1";
    private static readonly Stopwatch Clock = Stopwatch.StartNew();

    /// <summary>Times a phase; disposing the result prints its name, its time and the time since the process started.</summary>
    public static Phase Start(string name) => new(Enabled ? name : null, Clock.Elapsed);

    /// <summary>Prints when the process reached <paramref name="name"/>: the start (runtime, assemblies, command line) before the first phase.</summary>
    public static void Mark(string name)
    {
        if (Enabled)
        {
            Console.Error.WriteLine($"[timing] {name}: at {SinceStart().TotalMilliseconds:F0} ms since process start");
        }
    }

    private static TimeSpan SinceStart() => DateTime.Now - Process.GetCurrentProcess().StartTime;

    internal readonly struct Phase(string? name, TimeSpan started) : IDisposable
    {
        public void Dispose()
        {
            if (name is not null)
            {
                var now = Clock.Elapsed;
                var sinceStart = SinceStart();
                Console.Error.WriteLine($"[timing] {name}: {(now - started).TotalMilliseconds:F0} ms (at {sinceStart.TotalMilliseconds:F0} ms since process start)");
            }
        }
    }
}
