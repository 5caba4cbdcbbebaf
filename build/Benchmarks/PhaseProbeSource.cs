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
/// time varies too much to show it).
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
            private double _cpuAtStart = -1;
            private double _cpuAtEnd;
            private long _wallAtStart;
            private long _wallAtEnd;
            private GcMark _gcAtStart;
            private GcMark _gcAtEnd;

            public string Uid => "Bench.PhaseProbe";

            public string Version => "1";

            public string DisplayName => "Benchmark phase probe";

            public string Description => "Times the phases of a benchmark run.";

            public Task<bool> IsEnabledAsync() => Task.FromResult(true);

            public Task OnTestSessionStartingAsync(ITestSessionContext testSessionContext)
            {
                _cpuAtStart = CpuMs();
                _wallAtStart = Stopwatch.GetTimestamp();
                _gcAtStart = GcMark.Now();
                return Task.CompletedTask;
            }

            public Task OnTestSessionFinishingAsync(ITestSessionContext testSessionContext)
            {
                _cpuAtEnd = CpuMs();
                _wallAtEnd = Stopwatch.GetTimestamp();
                _gcAtEnd = GcMark.Now();
                return Task.CompletedTask;
            }

            // A process without a test session (the controller of a child test host) writes nothing.
            public void WriteAtExit()
            {
                if (_cpuAtStart < 0)
                {
                    return;
                }

                var cpu = CpuMs();
                var now = Stopwatch.GetTimestamp();
                File.AppendAllText(file, string.Create(CultureInfo.InvariantCulture,
                    $"{_cpuAtStart:F1} {_cpuAtEnd - _cpuAtStart:F1} {cpu - _cpuAtEnd:F1} {Stopwatch.GetElapsedTime(_wallAtStart, _wallAtEnd).TotalMilliseconds:F1} {Stopwatch.GetElapsedTime(_wallAtEnd, now).TotalMilliseconds:F1} {_gcAtEnd.PauseMs - _gcAtStart.PauseMs:F1} {_gcAtEnd.Gen0 - _gcAtStart.Gen0} {_gcAtEnd.Gen1 - _gcAtStart.Gen1} {_gcAtEnd.Gen2 - _gcAtStart.Gen2}\n"));
            }

            private readonly record struct GcMark(double PauseMs, int Gen0, int Gen1, int Gen2)
            {
                public static GcMark Now() =>
                    new(GC.GetTotalPauseDuration().TotalMilliseconds, GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            }

            private static double CpuMs()
            {
                using var process = Process.GetCurrentProcess();
                return process.TotalProcessorTime.TotalMilliseconds;
            }
        }

        """;
}
