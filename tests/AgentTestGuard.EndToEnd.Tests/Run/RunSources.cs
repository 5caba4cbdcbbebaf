using AgentTestGuard.EndToEnd.Tests.Infrastructure;
using static AgentTestGuard.EndToEnd.Tests.Infrastructure.TestFrameworkProjects;

namespace AgentTestGuard.EndToEnd.Tests.Run;

/// <summary>
/// A test project whose tests fail on demand: each test throws when its environment variable
/// is "1", so one build serves every scenario. Each test also adds a line to a marker file of its
/// own each time it runs, which proves whether, and how often, it executed.
/// </summary>
internal static class RunSources
{
    public const string Gating = "Shop.Tests.CheckoutTests.Human_written_total";
    public const string Unapproved = "Shop.Tests.CheckoutTests.Agent_discount";
    public const string Approved = "Shop.Tests.CheckoutTests.Agent_shipping";

    public const string FailGating = "FAIL_GATING";
    public const string FailUnapproved = "FAIL_UNAPPROVED";
    public const string FailApproved = "FAIL_APPROVED";
    public const string MarkerDirectory = "AGT_E2E_MARKERS";

    /// <summary>
    /// The outcome the run record gives a test that called <c>Assert.Fail</c>: the state its framework
    /// reported, which for TUnit is an error.
    /// </summary>
    public static string FailedOutcome(TestFramework framework) => framework == TestFramework.TUnit ? "error" : "failed";

    public static string Tests(TestFramework framework, string shippingBody = "Check(\"FAIL_APPROVED\", \"shipping\");")
    {
        var test = TestAttribute(framework);
        return $$"""
            {{Usings(framework)}}

            namespace Shop.Tests;

            {{ClassAttribute(framework)}}
            public class CheckoutTests
            {
                [{{test}}]
                public void Human_written_total() => Check("FAIL_GATING", "total");

                [{{test}}, AgentGenerated("copilot"), AcceptanceCriteria("CART-12")]
                public void Agent_discount() => Check("FAIL_UNAPPROVED", "discount");

                [{{test}}, AgentGenerated("claude-code"), AcceptanceCriteria("CART-13")]
                public void Agent_shipping()
                {
                    {{shippingBody}}
                }

                private static void Check(string variable, string marker)
                {
                    if (Environment.GetEnvironmentVariable("AGT_E2E_MARKERS") is { Length: > 0 } markers)
                    {
                        File.AppendAllText(Path.Combine(markers, marker), "ran\n");
                    }

                    if (Environment.GetEnvironmentVariable(variable) == "1")
                    {
                        Assert.Fail(variable + " is set");
                    }
                }
            }
            """;
    }

    /// <summary>
    /// The project, built, with <see cref="Approved"/> approved in the ledger. xunit runs on the
    /// platform when started directly only with UseMicrosoftTestingPlatformRunner; it also gets the
    /// platform's TRX report, which MSTest brings itself.
    /// </summary>
    /// <param name="customize">Changes to the project before its first build.</param>
    public static async Task<TestProject> BuildApprovedAsync(TestFramework framework, string? policy = null, Action<TestProject>? customize = null)
    {
        var project = TestProject.Create(framework, "Shop.Tests");
        project.WriteRootFile("agenttestguard.policy.json", policy ?? Build.Sources.Policy);
        project.WriteRootFile("agenttestguard.criteria.json", Build.Sources.Catalog);
        project.Write("CheckoutTests.cs", Tests(framework));
        project.ReferencePackage();
        if (framework == TestFramework.XunitV3)
        {
            var file = File.ReadAllText(project.ProjectFile)
                .Replace("</PropertyGroup>", "  <UseMicrosoftTestingPlatformRunner>true</UseMicrosoftTestingPlatformRunner>\n  </PropertyGroup>", StringComparison.Ordinal)
                .Replace("</ItemGroup>", $"  <PackageReference Include=\"Microsoft.Testing.Extensions.TrxReport\" Version=\"{BuildInfo.TrxReportVersion}\" />\n  </ItemGroup>", StringComparison.Ordinal);
            File.WriteAllText(project.ProjectFile, file);
        }

        customize?.Invoke(project);

        var first = await project.BuildAsync();
        Assert.True(first.ExitCode == 0, first.Output);
        Approve(project, Approved);
        // The first build restored the project; the approval changes no package.
        var second = await project.BuildAsync("--no-restore");
        Assert.True(second.ExitCode == 0, second.Output);
        return project;
    }

    /// <summary>Writes an approval of the test's current fingerprint, as a reviewer would.</summary>
    public static void Approve(TestProject project, string testId)
    {
        var fingerprint = project.ReadInventory().Tests.Single(t => t.Id == testId).Fingerprint;
        Approvals.ApprovalLedger.Write(
            Path.Combine(project.Root, "agenttestguard.approvals.jsonl"),
            [new(project.Name, testId, fingerprint, "Dana Lee <dana@example.com>", new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.Zero))]);
    }
}
