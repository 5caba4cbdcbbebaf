namespace AgentTestGuard.EndToEnd.Tests.Run.Flakes;

/// <summary>
/// The flake model of the synthetic suite: whether a flaky test fails on a given attempt is a
/// pure function of a seed, the test's index and the attempt's number (0 for the first run), and
/// is true with probability <see cref="FailureProbability"/>, independently per attempt. The
/// generated test project compiles this very file (its source is copied there), so the end-to-end
/// test predicts every outcome the suite will produce. Plain C#: it must compile in both projects.
/// </summary>
internal static class SeededFlakes
{
    public const double FailureProbability = 0.3;

    /// <summary>Whether flaky test <paramref name="test"/> fails on attempt <paramref name="attempt"/>.</summary>
    public static bool Fails(ulong seed, int test, int attempt) => Uniform(seed, test, attempt) < FailureProbability;

    /// <summary>Whether its first <paramref name="attempts"/> attempts include both a pass and a failure.</summary>
    public static bool IsFlaky(ulong seed, int test, int attempts)
    {
        var failures = 0;
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            failures += Fails(seed, test, attempt) ? 1 : 0;
        }

        return failures > 0 && failures < attempts;
    }

    /// <summary>A number in [0, 1), uniform over seeds: SplitMix64's finalizer applied to the seed, the test, then the attempt.</summary>
    private static double Uniform(ulong seed, int test, int attempt)
    {
        var state = Mix(seed + (0x9E3779B97F4A7C15UL * (ulong)(uint)(test + 1)));
        state = Mix(state + (0x9E3779B97F4A7C15UL * (ulong)(uint)(attempt + 1)));
        return (state >> 11) * (1.0 / (1UL << 53));
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
