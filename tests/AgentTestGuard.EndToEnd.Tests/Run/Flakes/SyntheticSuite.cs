using System.Globalization;
using System.Text;
using AgentTestGuard.EndToEnd.Tests.Infrastructure;

namespace AgentTestGuard.EndToEnd.Tests.Run.Flakes;

/// <summary>
/// A generated xunit v3 project of <see cref="FlakyCount"/> flaky agent tests and
/// <see cref="SteadyCount"/> deterministic ones (half always pass, half always fail), all
/// unapproved. Each test counts its own attempts in a file named for it, in the folder that
/// <see cref="AttemptsVariable"/> names (the rerun test hosts inherit the environment); a flaky
/// test then fails as <see cref="SeededFlakes"/> says for the seed in <see cref="SeedVariable"/>
/// and its attempt's number. So one run is <see cref="FlakyCount"/> runs of a test failing with
/// probability 0.3, with every outcome known in advance.
/// </summary>
internal static class SyntheticSuite
{
    public const int FlakyCount = 40;
    public const int SteadyCount = 40;
    public const string AttemptsVariable = "AGT_E2E_ATTEMPTS";
    public const string SeedVariable = "AGT_E2E_FLAKE_SEED";

    public static string FlakyId(int test) => $"Synthetic.Tests.FlakyTests.{FlakyName(test)}";

    public static string SteadyId(int test) => $"Synthetic.Tests.SteadyTests.{SteadyName(test)}";

    /// <summary>Steady tests with an odd index always fail; the others always pass.</summary>
    public static bool SteadyFails(int test) => test % 2 == 1;

    private static string FlakyName(int test) => $"Flaky_{test:00}";

    private static string SteadyName(int test) => (SteadyFails(test) ? "Failing_" : "Passing_") + test.ToString("00", CultureInfo.InvariantCulture);

    private static readonly Lazy<Task<TestProject>> Built = new(BuildAsync);

    /// <summary>The project, built once per test run.</summary>
    public static Task<TestProject> BuiltAsync() => Built.Value;

    private static async Task<TestProject> BuildAsync()
    {
        var project = TestProject.Create(TestFramework.XunitV3, "Synthetic.Tests");
        project.WriteRootFile("agenttestguard.policy.json", Build.Sources.Policy);
        project.WriteRootFile("agenttestguard.criteria.json", Build.Sources.Catalog);
        project.Write("SeededFlakes.cs", await File.ReadAllTextAsync(ModelSource));
        project.Write("SyntheticTests.cs", Source());
        project.ReferencePackage();
        var build = await project.BuildAsync();
        Assert.True(build.ExitCode == 0, build.Output);
        return project;
    }

    /// <summary>This project's own copy of the model, compiled into the generated project unchanged.</summary>
    private static string ModelSource =>
        Path.Combine(BuildInfo.RepositoryRoot, "tests", "AgentTestGuard.EndToEnd.Tests", "Run", "Flakes", "SeededFlakes.cs");

    public static string Source()
    {
        var flaky = new StringBuilder();
        for (var test = 0; test < FlakyCount; test++)
        {
            flaky.Append(CultureInfo.InvariantCulture, $"    [Fact] public void {FlakyName(test)}() => Attempts.Flaky({test});\n");
        }

        var steady = new StringBuilder();
        for (var test = 0; test < SteadyCount; test++)
        {
            var fails = SteadyFails(test) ? "true" : "false";
            steady.Append(CultureInfo.InvariantCulture, $"    [Fact] public void {SteadyName(test)}() => Attempts.Steady(\"{SteadyName(test)}\", fails: {fails});\n");
        }

        return $$"""
            using System.Globalization;
            using AgentTestGuard;
            using AgentTestGuard.EndToEnd.Tests.Run.Flakes;
            using Xunit;

            namespace Synthetic.Tests;

            [AgentGenerated("copilot", Criteria = ["CART-12"])]
            public class FlakyTests
            {
            {{flaky}}}

            [AgentGenerated("copilot", Criteria = ["CART-13"])]
            public class SteadyTests
            {
            {{steady}}}

            internal static class Attempts
            {
                public static void Flaky(int test)
                {
                    var name = "Flaky_" + test.ToString("00", CultureInfo.InvariantCulture);
                    var attempt = Count(name);
                    var seed = ulong.Parse(Environment.GetEnvironmentVariable("{{SeedVariable}}")!, CultureInfo.InvariantCulture);
                    if (SeededFlakes.Fails(seed, test, attempt))
                    {
                        Assert.Fail(name + " failed on attempt " + attempt);
                    }
                }

                public static void Steady(string name, bool fails)
                {
                    var attempt = Count(name);
                    if (fails)
                    {
                        Assert.Fail(name + " failed on attempt " + attempt);
                    }
                }

                // The attempt's number: how many attempts of this test the run made before it.
                private static int Count(string name)
                {
                    var file = Path.Combine(Environment.GetEnvironmentVariable("{{AttemptsVariable}}")!, name);
                    var attempt = File.Exists(file) ? File.ReadAllLines(file).Length : 0;
                    File.AppendAllText(file, "ran\n");
                    return attempt;
                }
            }
            """;
    }
}
