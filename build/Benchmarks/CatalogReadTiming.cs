using System.Diagnostics;
using System.Globalization;
using System.Text;
using AgentTestGuard.Configuration;

namespace AgentTestGuard.Benchmarks;

/// <summary>
/// Times reading a criteria catalog written on one line (issue 30: a 50 MB one-line catalog took
/// the build over 10 minutes, because every position was counted from the start of the line).
/// Every 100th criterion carries an unknown key, so the read also places thousands of warnings
/// along that one line: the case where columns cost the most.
/// </summary>
internal static class CatalogReadTiming
{
    public static int Run(int megabytes)
    {
        var path = Path.Combine(Path.GetTempPath(), $"agt-catalog-{Environment.ProcessId}.json");
        try
        {
            var criteria = Write(path, megabytes * 1024L * 1024);
            var size = new FileInfo(path).Length;
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var start = Stopwatch.GetTimestamp();
            var catalog = CriteriaCatalog.Load(path, out var diagnostics);
            var elapsed = Stopwatch.GetElapsedTime(start);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            if (catalog?.Criteria.Count != criteria)
            {
                Console.Error.WriteLine($"expected {criteria} criteria, read {catalog?.Criteria.Count}");
                return 1;
            }

            var last = diagnostics[^1];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"catalog: {size:N0} bytes on one line, {criteria:N0} criteria"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"read: {elapsed.TotalSeconds:F2} s ({cpu.TotalSeconds:F2} s of processor time), with {diagnostics.Count:N0} warnings placed (the last at line {last.Line}, column {last.Column:N0})"));
            return 0;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static int Write(string path, long size)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        writer.Write("{\"criteria\":[");
        var written = 13L;
        var count = 0;
        while (written < size)
        {
            var entry = count % 100 == 99
                ? $"{{\"id\":\"CART-{count}\",\"text\":\"Die Größe des Warenkorbs {count}\",\"typo\":1}},"
                : $"{{\"id\":\"CART-{count}\",\"text\":\"Die Größe des Warenkorbs {count}\"}},";
            writer.Write(entry);
            written += Encoding.UTF8.GetByteCount(entry);
            count++;
        }

        writer.Write("{\"id\":\"LAST\",\"text\":\"end\"}]}");
        return count + 1;
    }
}
