namespace AgentTestGuard.Benchmarks;

/// <summary>
/// A Microsoft.Testing.Platform extension compiled into every variant of the suite
/// build/benchmark-run.sh runs, the same in each, so that it can say in which phase of a run the
/// package's cost falls; a whole run's time varies by more than that cost on a shared machine,
/// its first and last phases far less. Inert unless AGT_BENCH_PHASES names a file; then, at exit,
/// the test host appends one line to it: the process's CPU ms up to the start of the test session,
/// during the session (until its end is announced, before any extension's end-of-session work:
/// the platform tells the handlers that consume no data first, in the order they registered, and
/// the generated registration calls the project's own hook before a package's), and from then to
/// exit; then the wall ms of the last two; then, for the session, the collector's pause in ms and
/// its gen0, gen1 and gen2 collections (what a run keeps alive shows there, where the session's
/// time varies too much to show it); then, for each of the three phases, the ms the JIT spent
/// compiling and the methods it compiled (in a test run the runtime compiles code until the end,
/// and code a package brings in or makes run shows there as a count, which hardly varies); last,
/// the MB the process allocated in the session and after it (what a package makes the collector
/// do, as a figure that, unlike time, a busy machine does not disturb).
/// </summary>
internal static class PhaseProbeSource
{
    public const string FileName = "PhaseProbe.cs";

    public const string HookTypeFullName = "Bench.PhaseProbeHook";

    public const string Text = """
        using System.Diagnostics;
        using System.Globalization;
        using Microsoft.Testing.Platform.Builder;
        using Microsoft.Testing.Platform.Extensions.TestHost;
        using Microsoft.Testing.Platform.Services;

        namespace Bench;

        // build/benchmark-run.sh's phase probe (see AgentTestGuard.Benchmarks.PhaseProbeSource).
        public static class PhaseProbeHook
        {
            public static void AddExtensions(ITestApplicationBuilder builder, string[] args)
            {
                if (Environment.GetEnvironmentVariable("AGT_BENCH_PHASES") is not { Length: > 0 } file)
                {
                    return;
                }

                var probe = new PhaseProbe(file);
                builder.TestHost.AddTestSessionLifetimeHandler(_ => probe);
                AppDomain.CurrentDomain.ProcessExit += (_, _) => probe.WriteAtExit();
            }
        }

        internal sealed class PhaseProbe(string file) : ITestSessionLifetimeHandler
        {
            private Mark? _atStart;
            private Mark _atEnd;

            public string Uid => "Bench.PhaseProbe";

            public string Version => "1";

            public string DisplayName => "Benchmark phase probe";

            public string Description => "Times the phases of a benchmark run.";

            public Task<bool> IsEnabledAsync() => Task.FromResult(true);

            public Task OnTestSessionStartingAsync(ITestSessionContext testSessionContext)
            {
                _atStart = Mark.Now();
                return Task.CompletedTask;
            }

            public Task OnTestSessionFinishingAsync(ITestSessionContext testSessionContext)
            {
                _atEnd = Mark.Now();
                return Task.CompletedTask;
            }

            // A process without a test session (the controller of a child test host) writes nothing.
            public void WriteAtExit()
            {
                if (_atStart is not { } start)
                {
                    return;
                }

                var end = _atEnd;
                var exit = Mark.Now();
                File.AppendAllText(file, string.Create(CultureInfo.InvariantCulture,
                    $"{start.CpuMs:F1} {end.CpuMs - start.CpuMs:F1} {exit.CpuMs - end.CpuMs:F1} {Stopwatch.GetElapsedTime(start.Wall, end.Wall).TotalMilliseconds:F1} {Stopwatch.GetElapsedTime(end.Wall, exit.Wall).TotalMilliseconds:F1} {end.GcPauseMs - start.GcPauseMs:F1} {end.Gen0 - start.Gen0} {end.Gen1 - start.Gen1} {end.Gen2 - start.Gen2} "
                    + $"{start.JitMs:F1} {end.JitMs - start.JitMs:F1} {exit.JitMs - end.JitMs:F1} {start.Jitted} {end.Jitted - start.Jitted} {exit.Jitted - end.Jitted} "
                    + $"{(end.Allocated - start.Allocated) / 1048576.0:F2} {(exit.Allocated - end.Allocated) / 1048576.0:F2}\n"));
            }

            /// <summary>The process's CPU ms, a wall-clock timestamp, the collector's pause ms and collections, the JIT's ms and methods, and the bytes allocated so far.</summary>
            private readonly record struct Mark(double CpuMs, long Wall, double GcPauseMs, int Gen0, int Gen1, int Gen2, double JitMs, long Jitted, long Allocated)
            {
                public static Mark Now()
                {
                    using var process = Process.GetCurrentProcess();
                    return new(
                        process.TotalProcessorTime.TotalMilliseconds,
                        Stopwatch.GetTimestamp(),
                        GC.GetTotalPauseDuration().TotalMilliseconds,
                        GC.CollectionCount(0),
                        GC.CollectionCount(1),
                        GC.CollectionCount(2),
                        System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds,
                        System.Runtime.JitInfo.GetCompiledMethodCount(),
                        GC.GetTotalAllocatedBytes(precise: true));
                }
            }
        }

        """;
}
