using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AgentTestGuard.HistoryBenchmark;

/// <summary>
/// Writes run records in the format of docs/files.md, one file per run, as the extension would:
/// runs twelve hours apart ending now, two runs per code revision, and a mix of histories the
/// metrics must find: 2% of the tests flaky, 1% catching a defect, 0.5% false alarms, the rest passing.
/// </summary>
internal static class RecordGenerator
{
    private static readonly string[] Agents = ["copilot", "claude-code", "cursor", "devin"];

    public static int Write(string folder, int tests, int runs)
    {
        Directory.CreateDirectory(folder);
        var now = DateTimeOffset.UtcNow;
        var text = new StringBuilder(tests * 230);
        for (var run = 0; run < runs; run++)
        {
            var started = now.AddHours(-12 * (runs - run));
            text.Clear();
            text.Append("{\n  \"schemaVersion\": 1,\n  \"generator\": \"AgentTestGuard 0.1.0\",\n")
                .Append("  \"runId\": \"").Append(Hex($"run {run}")).Append("\",\n")
                .Append("  \"assembly\": \"Bench.Tests\",\n  \"environment\": \"ci\",\n  \"environmentAllowsUnreviewedTests\": true,\n  \"enforce\": true,\n  \"machine\": \"bench\",\n")
                .Append("  \"codeRevision\": { \"id\": \"").Append(Hex($"revision {run / 2}")).Append("\", \"source\": \"GITHUB_SHA\" },\n")
                .Append("  \"startedAt\": \"").Append(started.ToString("O", CultureInfo.InvariantCulture)).Append("\",\n")
                .Append("  \"finishedAt\": \"").Append(started.AddMinutes(2).ToString("O", CultureInfo.InvariantCulture)).Append("\",\n")
                .Append("  \"verdict\": { \"gatingFailures\": 0, \"quarantinedFailures\": 0, \"quarantinedFailuresIgnored\": false, \"enforceFailed\": false, \"cancelled\": false },\n")
                .Append("  \"tests\": [");
            for (var test = 0; test < tests; test++)
            {
                var (outcome, attempts, version) = Outcome(test, run);
                text.Append(test == 0 ? "\n    " : ",\n    ")
                    .Append("{\"id\":\"Bench.Tests.Class").Append(test / 100).Append(".Test_").Append(test)
                    .Append("\",\"outcome\":\"").Append(outcome).Append("\",\"durationMs\":1.25,\"attempts\":").Append(attempts)
                    .Append(attempts > 1 ? ",\"reruns\":[{\"outcome\":\"failed\",\"durationMs\":1.25,\"failureMessage\":\"flaked\"}],\"flaky\":true" : "")
                    .Append(",\"classification\":\"quarantined\",\"approval\":\"unapproved\",\"agent\":\"").Append(Agents[test % Agents.Length])
                    .Append("\",\"fingerprint\":\"").Append(Fingerprint(test, version))
                    .Append("\",\"criteria\":[\"CART-").Append(test % 50).Append("\"]}");
            }

            text.Append("\n  ]\n}\n");
            File.WriteAllText(Path.Combine(folder, $"Bench.Tests.{started.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}.{run:D4}.agentrun.json"), text.ToString());
        }

        Console.WriteLine($"{runs} run records of {tests} tests ({(long)runs * tests:N0} results) in {folder}");
        return 0;
    }

    private static (string Outcome, int Attempts, int Version) Outcome(int test, int run)
    {
        var roll = Roll(test, run);
        return (test % 200) switch
        {
            // Flaky: fails now and then; sometimes passes, then fails its rerun (early flake detection).
            < 4 => roll < 0.1 ? ("failed", 1, 0) : roll < 0.15 ? ("passed", 2, 0) : ("passed", 1, 0),
            // A defect caught: fails for three runs, then the code is fixed.
            < 6 => run is >= 20 and < 23 ? ("failed", 1, 0) : ("passed", 1, 0),
            // A false alarm: fails for two runs, then the test is edited and passes.
            6 => run is >= 40 and < 42 ? ("failed", 1, 0) : ("passed", 1, run >= 42 ? 1 : 0),
            _ => ("passed", 1, 0),
        };
    }

    private static double Roll(int test, int run) => (uint)HashCode.Combine(test, run, 17) / (double)uint.MaxValue;

    private static string Fingerprint(int test, int version) => "v2:" + Hex($"test {test} v{version}");

    private static string Hex(string seed) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(seed)), 0, 16).ToLowerInvariant();
}
