namespace AgentTestGuard.EndToEnd.Tests.Run.Flakes;

/// <summary>
/// The flake model the synthetic suite and its prediction share: deterministic, failing with
/// probability 0.3 per attempt, and flagging as often as the binomial mathematics says. Over
/// 2,000 seeds of 40 tests the figures are sampled, but fixed: the tolerances hold five standard
/// deviations and the same numbers come out on every run.
/// </summary>
public sealed class SeededFlakesTests
{
    private const int Seeds = 2000;
    private const int Tests = 40;

    [Fact]
    public void An_attempt_fails_as_the_seed_test_and_attempt_say_and_30_percent_of_them_do()
    {
        Assert.Equal(SeededFlakes.Fails(7, 3, 2), SeededFlakes.Fails(7, 3, 2));
        var attempts = 0;
        var failures = 0;
        for (ulong seed = 1; seed <= Seeds; seed++)
        {
            for (var test = 0; test < Tests; test++)
            {
                for (var attempt = 0; attempt < 9; attempt++)
                {
                    attempts++;
                    failures += SeededFlakes.Fails(seed, test, attempt) ? 1 : 0;
                }
            }
        }

        // 720,000 attempts: the standard deviation of the rate is 0.00054.
        Assert.InRange((double)failures / attempts, 0.3 - 0.003, 0.3 + 0.003);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(8)]
    public void A_test_is_flagged_as_often_as_the_binomial_probability_says(int reruns)
    {
        var attempts = reruns + 1;
        var expected = 1 - Math.Pow(0.7, attempts) - Math.Pow(0.3, attempts);
        var flagged = 0;
        for (ulong seed = 1; seed <= Seeds; seed++)
        {
            for (var test = 0; test < Tests; test++)
            {
                flagged += SeededFlakes.IsFlaky(seed, test, attempts) ? 1 : 0;
            }
        }

        // 80,000 tests: the standard deviation of the fraction is at most 0.0012.
        Assert.InRange((double)flagged / (Seeds * Tests), expected - 0.006, expected + 0.006);
    }

    [Fact]
    public void The_end_to_end_seed_flags_35_of_40_with_5_reruns_and_40_with_8()
    {
        // 35 is the expectation's nearest whole number (35.3); 8 reruns expect 38.4 of 40, and
        // about 79% of seeds reach 38 or more: this one does.
        Assert.Equal(35, Enumerable.Range(0, Tests).Count(test => SeededFlakes.IsFlaky(SyntheticFlakeRunTests.Seed, test, 6)));
        Assert.Equal(40, Enumerable.Range(0, Tests).Count(test => SeededFlakes.IsFlaky(SyntheticFlakeRunTests.Seed, test, 9)));
    }

    [Fact]
    public void The_seed_gives_the_same_attempts_on_every_machine()
    {
        // Its first flaky tests, attempt by attempt (F: failed), and the five that 5 reruns do not
        // flag: each passed its first 6 attempts, and fails later.
        string Attempts(int test) => string.Concat(Enumerable.Range(0, 9).Select(a => SeededFlakes.Fails(SyntheticFlakeRunTests.Seed, test, a) ? 'F' : 'P'));
        Assert.Equal(["PPPPPFPFP", "PPFPPFPPF", "PFPPPPPFP", "PPPPFPFPP"], Enumerable.Range(0, 4).Select(Attempts));
        Assert.Equal([10, 14, 22, 36, 38], Enumerable.Range(0, Tests).Where(test => !SeededFlakes.IsFlaky(SyntheticFlakeRunTests.Seed, test, 6)));
        Assert.Equal(["PPPPPPPPF", "PPPPPPFFP", "PPPPPPFPP", "PPPPPPPPF", "PPPPPPPFP"], new[] { 10, 14, 22, 36, 38 }.Select(Attempts));
    }
}
