using System.Globalization;
using static AgentTestGuard.EndToEnd.Tests.Run.Flakes.SyntheticSuite;

namespace AgentTestGuard.EndToEnd.Tests.Run.Flakes;

/// <summary>
/// Early flake detection measured on a suite with a known flake probability, through real reruns:
/// 40 agent tests failing each attempt with probability 0.3 and 40 deterministic ones, run once
/// with 5 reruns and once with 8. Not a timing test: every outcome follows from a fixed seed and
/// the attempt's number, so the record must match the prediction exactly. With 5 reruns a
/// 30%-failing test shows both outcomes with probability 1 - 0.7^6 - 0.3^6 = 0.882, with 8 reruns
/// 0.960 (docs/run-time.md, early flake detection).
/// </summary>
public sealed class SyntheticFlakeRunTests
{
    /// <summary>Flags 35 of 40 with 5 reruns and 40 of 40 with 8 (<see cref="SeededFlakesTests"/>).</summary>
    internal const ulong Seed = 20261206;

    [Theory]
    [InlineData(5, 35)]
    [InlineData(8, 40)]
    public async Task Every_flaky_test_is_flagged_exactly_as_the_seed_predicts_and_no_deterministic_test_is(int reruns, int predictedFlagged)
    {
        var project = await BuiltAsync();
        var run = Path.Combine(project.Root, "runs", $"reruns-{reruns}");
        var (results, attempts) = (Path.Combine(run, "results"), Path.Combine(run, "attempts"));
        Directory.CreateDirectory(attempts);
        var environment = new Dictionary<string, string?>
        {
            [AttemptsVariable] = attempts,
            [SeedVariable] = Seed.ToString(CultureInfo.InvariantCulture),
        };

        // A budget no machine reaches: the rounds are counted, never timed.
        var direct = await project.RunTestAppAsync(results, environment, "--agt-reruns", reruns.ToString(CultureInfo.InvariantCulture), "--agt-rerun-budget", "3600");

        // Only agent tests failed: quarantined, they do not fail the run.
        Assert.True(direct.ExitCode == 0, direct.Output);
        var record = RunRecord.ReadSingle(results);
        Assert.Equal((reruns, 3600, reruns, (string?)null), record.Reruns);

        var predicted = Predicted(reruns + 1);
        Assert.Equal(predicted, Actual(record));
        var flagged = predicted.Keys.Where(id => predicted[id].Contains("passed", StringComparison.Ordinal) && predicted[id].Contains("failed", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(flagged, record.FlakyTests());
        Assert.Equal(predictedFlagged, flagged.Count);
        Assert.All(flagged, id => Assert.StartsWith("Synthetic.Tests.FlakyTests.", id, StringComparison.Ordinal));

        // Real executions: each test counted reruns + 1 attempts of its own.
        Assert.All(Directory.GetFiles(attempts), file => Assert.Equal(reruns + 1, File.ReadAllLines(file).Length));
        Assert.Equal(FlakyCount + SteadyCount, Directory.GetFiles(attempts).Length);

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{reruns} reruns, seed {Seed}: {flagged.Count} of {FlakyCount} flaky tests flagged ({(double)flagged.Count / FlakyCount:P1}); "
            + $"expected over seeds {1 - Math.Pow(0.7, reruns + 1) - Math.Pow(0.3, reruns + 1):P1}.");
    }

    /// <summary>Each test's attempts as the model says they go, as "failed passed ...".</summary>
    private static Dictionary<string, string> Predicted(int attempts)
    {
        var expected = new Dictionary<string, string>();
        for (var test = 0; test < FlakyCount; test++)
        {
            expected[FlakyId(test)] = string.Join(' ', Enumerable.Range(0, attempts).Select(a => SeededFlakes.Fails(Seed, test, a) ? "failed" : "passed"));
        }

        for (var test = 0; test < SteadyCount; test++)
        {
            expected[SteadyId(test)] = string.Join(' ', Enumerable.Repeat(SteadyFails(test) ? "failed" : "passed", attempts));
        }

        return expected;
    }

    private static Dictionary<string, string> Actual(RunRecord record) =>
        record.Tests.Keys.ToDictionary(id => id, id => string.Join(' ', record.AttemptOutcomes(id)));
}
