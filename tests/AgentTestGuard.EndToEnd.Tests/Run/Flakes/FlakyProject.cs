using System.Collections.Concurrent;
using AgentTestGuard.EndToEnd.Tests.Infrastructure;
using static AgentTestGuard.EndToEnd.Tests.Infrastructure.TestFrameworkProjects;

namespace AgentTestGuard.EndToEnd.Tests.Run.Flakes;

/// <summary>
/// The run tests' project (<see cref="RunSources"/>: a gating test, an unapproved agent test and an
/// approved one, each counting its executions in the marker folder) with one more unapproved
/// agent test, <see cref="Flaky"/>, which fails on its even attempts (the first, the third, ...)
/// and passes on the others. It counts its attempts in the marker folder too, so the rerun test
/// hosts, which inherit the environment, continue the count. Built once per framework per run.
/// </summary>
internal static class FlakyProject
{
    public const string Flaky = "Shop.Tests.FlakyTests.Agent_flaky_total";

    private static readonly ConcurrentDictionary<TestFramework, Lazy<Task<TestProject>>> Built = new();

    public static Task<TestProject> BuiltAsync(TestFramework framework) =>
        Built.GetOrAdd(framework, f => new(() => RunSources.BuildApprovedAsync(f, customize: p => p.Write("FlakyTests.cs", Source(f))))).Value;

    private static string Source(TestFramework framework) => $$"""
        {{Usings(framework)}}

        namespace Shop.Tests;

        {{ClassAttribute(framework)}}
        public class FlakyTests
        {
            [{{TestAttribute(framework)}}, AgentGenerated("copilot"), AcceptanceCriteria("CART-12")]
            public void Agent_flaky_total()
            {
                if (Environment.GetEnvironmentVariable("{{RunSources.MarkerDirectory}}") is not { Length: > 0 } markers)
                {
                    return;
                }

                var file = Path.Combine(markers, "flaky");
                var attempt = File.Exists(file) ? File.ReadAllLines(file).Length : 0;
                File.AppendAllText(file, "ran\n");
                if (attempt % 2 == 0)
                {
                    Assert.Fail("flaky attempt " + attempt + " failed");
                }
            }
        }
        """;

    /// <summary>What the flaky test's attempts are: failed, passed, failed, ...</summary>
    public static IEnumerable<string> FlakyOutcomes(TestFramework framework, int attempts) =>
        Enumerable.Range(0, attempts).Select(a => a % 2 == 0 ? RunSources.FailedOutcome(framework) : "passed");
}
