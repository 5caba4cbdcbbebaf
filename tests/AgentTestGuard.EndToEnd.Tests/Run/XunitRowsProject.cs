using AgentTestGuard.EndToEnd.Tests.Infrastructure;
using AgentTestGuard.Incidents;

namespace AgentTestGuard.EndToEnd.Tests.Run;

/// <summary>
/// One fresh xunit v3 project for the run tests of hidden failures and of what dotnet test shows,
/// built once per test run: theories whose rows xunit does not enumerate at discovery, a gating
/// fact, and two unapproved agent tests, failing on demand by environment variable. It does not
/// set UseMicrosoftTestingPlatformRunner: the package's default makes it run on the platform when
/// started directly. The incident log holds a rejection of <see cref="Rejected"/>.
/// </summary>
internal static class XunitRowsProject
{
    public const string Rounding = "Shop.Tests.CheckoutTests.Human_written_rounding";
    public const string Total = "Shop.Tests.CheckoutTests.Human_written_total";
    public const string Discount = "Shop.Tests.CheckoutTests.Agent_discount";
    public const string AgentRounding = "Shop.Tests.CheckoutTests.Agent_rounding";

    /// <summary>The agent test rejected in the incident log (for its current fingerprint).</summary>
    public const string Rejected = Discount;

    public const string RejectionReason = "asserts a total the catalog does not define";

    private static readonly Lazy<Task<TestProject>> Built = new(BuildAsync);

    public static Task<TestProject> BuiltAsync() => Built.Value;

    public const string Source = """
        using AgentTestGuard;
        using Xunit;

        namespace Shop.Tests;

        public class CheckoutTests
        {
            // Rows xunit does not enumerate at discovery: all of them run under the theory's one test node.
            [Theory(DisableDiscoveryEnumeration = true)]
            [InlineData(1)]
            [InlineData(2)]
            [InlineData(3)]
            public void Human_written_rounding(int cents)
            {
                if (cents == 1 && Set("FAIL_FIRST_ROW"))
                {
                    Assert.Fail("row 1 failed");
                }
            }

            [Fact]
            public void Human_written_total()
            {
                if (Set("FAIL_GATING"))
                {
                    Assert.Fail("FAIL_GATING is set");
                }
            }

            [AgentFact("copilot", "CART-12")]
            public void Agent_discount()
            {
                if (Set("TAMPER"))
                {
                    Environment.SetEnvironmentVariable("TESTINGPLATFORM_EXITCODE_IGNORE", "2");
                }

                if (Set("FAIL_UNAPPROVED"))
                {
                    Assert.Equal("total: 10.00", "total: 12.50");
                }
            }

            [AgentTheory("copilot", "CART-12", DisableDiscoveryEnumeration = true)]
            [InlineData(1)]
            [InlineData(2)]
            [InlineData(3)]
            public void Agent_rounding(int cents)
            {
                if (Set("FAIL_UNAPPROVED"))
                {
                    Assert.Fail($"agent row {cents} failed");
                }
            }

            private static bool Set(string variable) => Environment.GetEnvironmentVariable(variable) == "1";
        }
        """;

    private static async Task<TestProject> BuildAsync()
    {
        var project = TestProject.Create(TestFramework.XunitV3, "Shop.Tests");
        project.WriteRootFile("agenttestguard.policy.json", Build.Sources.Policy);
        project.WriteRootFile("agenttestguard.criteria.json", Build.Sources.Catalog);
        project.Write("CheckoutTests.cs", Source);
        project.ReferencePackage();
        var build = await project.BuildAsync();
        Assert.True(build.ExitCode == 0, build.Output);

        // As `dotnet agt reject` leaves it: the log beside the ledger (here, with no ledger, the policy).
        var fingerprint = project.ReadInventory().Tests.Single(t => t.Id == Rejected).Fingerprint;
        IncidentLog.Write(
            Path.Combine(project.Root, "agenttestguard.incidents.jsonl"),
            [new Incident(IncidentKind.Rejection, project.Name, Rejected, fingerprint, "copilot", "Dana Lee <dana@example.com>", new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.Zero), RejectionReason)]);
        return project;
    }
}
