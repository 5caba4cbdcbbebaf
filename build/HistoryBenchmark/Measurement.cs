using System.Diagnostics;
using System.Globalization;

namespace AgentTestGuard.HistoryBenchmark;

/// <summary>
/// Times the real tool in its own process: wall clock from start to exit, CPU time (user and
/// system), and peak resident memory (VmHWM). Both are polled from /proc while it runs; they only
/// grow, so the last reading is within one poll (10 ms) of the total. On a shared machine the CPU
/// time is the steadier figure: the wall clock includes waiting for a core.
/// </summary>
internal static class Measurement
{
    public static int Run(string tool, string store, string records, string repository, int rounds)
    {
        var import = Time(tool, repository, ["history", "import", "--store", store, "--path", repository, records]);
        Console.WriteLine($"import    {import.Seconds,7:0.00} s wall  {import.CpuSeconds,6:0.00} s CPU  peak {import.PeakMegabytes,5} MB  exit {import.ExitCode}  {import.Output.Trim()}");
        var again = Time(tool, repository, ["history", "import", "--store", store, "--path", repository, records]);
        Console.WriteLine($"re-import {again.Seconds,7:0.00} s wall  {again.CpuSeconds,6:0.00} s CPU  peak {again.PeakMegabytes,5} MB  exit {again.ExitCode}  {again.Output.Trim()}");
        var failed = import.ExitCode != 0 || again.ExitCode != 0;
        for (var round = 1; round <= rounds; round++)
        {
            var metrics = Time(tool, repository, ["metrics", "--json", "--store", store, "--path", repository]);
            Console.WriteLine($"metrics   {metrics.Seconds,7:0.00} s wall  {metrics.CpuSeconds,6:0.00} s CPU  peak {metrics.PeakMegabytes,5} MB  exit {metrics.ExitCode}  ({metrics.Output.Length / 1024} KB of JSON)");
            failed |= metrics.ExitCode != 0;
        }

        return failed ? 1 : 0;
    }

    private static (double Seconds, double CpuSeconds, long PeakMegabytes, int ExitCode, string Output) Time(string tool, string repository, string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = repository };
        start.ArgumentList.Add(tool);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("AGENTTESTGUARD_HISTORY");
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        long peak = 0;
        var cpu = TimeSpan.Zero;
        while (!process.WaitForExit(10))
        {
            peak = Math.Max(peak, PeakKilobytes(process.Id));
            try
            {
                cpu = process.TotalProcessorTime;
            }
            catch (InvalidOperationException)
            {
                // It exited between the wait and the reading.
            }
        }

        watch.Stop();
        return (watch.Elapsed.TotalSeconds, cpu.TotalSeconds, peak / 1024, process.ExitCode, output.Result + error.Result);
    }

    private static long PeakKilobytes(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
