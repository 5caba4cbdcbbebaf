using AgentTestGuard.EndToEnd.Tests.Infrastructure;

namespace AgentTestGuard.EndToEnd.Tests.Build;

/// <summary>Each rule breaks the build with its code, at the test's file and line.</summary>
public sealed class DiagnosticBuildTests
{
    private static string BrokenTests(TestFramework framework)
    {
        var test = TestFrameworkProjects.TestAttribute(framework);
        return $$"""
            {{TestFrameworkProjects.Usings(framework)}}

            namespace Shop.Tests;

            {{TestFrameworkProjects.ClassAttribute(framework)}}
            public class BrokenTests
            {
                [{{test}}, AgentGenerated("copilot")]
                public void Links_no_criterion()
                { // marker:none
                }

                [{{test}}, AgentGenerated("copilot"), AcceptanceCriteria("CART-12", "CART-99")]
                public void Links_an_unknown_criterion()
                { // marker:unknown
                }

                [{{test}}, AgentGenerated("rogue-bot"), AcceptanceCriteria("CART-12")]
                public void Written_by_an_agent_the_policy_does_not_allow()
                { // marker:agent
                }

                [{{test}}, AgentGenerated("Copilot"), AcceptanceCriteria("JIRA-42")]
                public void Valid_with_a_tracker_id_and_agent_in_other_case()
                {
                }
            }
            """;
    }

    [Theory]
    [InlineData(TestFramework.XunitV3, false)]
    [InlineData(TestFramework.XunitV3, true)]
    [InlineData(TestFramework.MSTest, false)]
    public async Task Rule_violations_fail_the_build_at_the_test(TestFramework framework, bool continuousIntegrationBuild)
    {
        var project = TestProject.Create(framework, "Broken.Tests");
        project.WriteRootFile("agenttestguard.policy.json", Sources.Policy);
        project.WriteRootFile("agenttestguard.criteria.json", Sources.Catalog);
        var file = project.Write("BrokenTests.cs", BrokenTests(framework));
        project.ReferencePackage();

        // A CI build maps source paths in the PDB to /_/; diagnostics must still name the local file.
        var build = continuousIntegrationBuild
            ? await project.BuildAsync("-p:ContinuousIntegrationBuild=true", "-p:EnableSourceControlManagerQueries=false")
            : await project.BuildAsync();

        Assert.Equal(1, build.ExitCode);
        Assert.Equal(
            [
                ("AGT0001", file, project.LineOf("BrokenTests.cs", "marker:none")),
                ("AGT0002", file, project.LineOf("BrokenTests.cs", "marker:unknown")),
                ("AGT0003", file, project.LineOf("BrokenTests.cs", "marker:agent")),
            ],
            build.Errors.Select(e => (e.Code, e.File, e.Line)).Order());
        Assert.Empty(build.Warnings);
        Assert.Contains("'CART-99'", build.Errors.Single(e => e.Code == "AGT0002").Message, StringComparison.Ordinal);
        Assert.Contains("'rogue-bot'", build.Errors.Single(e => e.Code == "AGT0003").Message, StringComparison.Ordinal);
        Assert.False(File.Exists(project.InventoryInObj), "no inventory is written for an invalid project");
    }

    [Fact]
    public async Task A_malformed_policy_is_an_error_at_its_position()
    {
        var project = TestProject.Create(TestFramework.XunitV3, "BadPolicy.Tests");
        var policy = project.WriteRootFile("agenttestguard.policy.json", "{\n  \"owner\": \"Dana\",\n  \"agents\": [\"copilot\" \"claude\"]\n}\n");
        project.WriteRootFile("agenttestguard.criteria.json", Sources.Catalog);
        project.Write("T.cs", "using Xunit;\nusing AgentTestGuard;\npublic class T { [Fact, AgentGenerated(\"copilot\"), AcceptanceCriteria(\"CART-12\")] public void A() { } }\n");
        project.ReferencePackage();

        var build = await project.BuildAsync();

        Assert.Equal(1, build.ExitCode);
        // Only the real error: not also "no policy found" (AGT0006).
        var error = Assert.Single(build.Diagnostics);
        Assert.Equal(("AGT0005", "error", policy, 3), (error.Code, error.Severity, error.File, error.Line));
        Assert.Contains($"{policy}(3,24): error AGT0005", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_catalog_that_is_not_json_is_reported_with_the_tests_it_left_unchecked_once_not_an_AGT0002_per_test()
    {
        var project = TestProject.Create(TestFramework.XunitV3, "BrokenCatalog.Tests");
        project.WriteRootFile("agenttestguard.policy.json", Sources.Policy);
        var catalog = project.WriteRootFile("agenttestguard.criteria.json", "{\n  \"criteria\": [\n    { \"id\": \"CART-12\" \"text\": \"Tax\" }\n  ]\n}\n");
        project.Write("T.cs", """
            using Xunit;
            using AgentTestGuard;

            public class T
            {
                [AgentFact("copilot", "CART-12")] public void A() { }
                [AgentFact("copilot", "CART-13")] public void B() { }
                [AgentFact("copilot", "JIRA-7")] public void C() { }
            }
            """);
        project.ReferencePackage();

        var build = await project.BuildAsync();

        Assert.Equal(1, build.ExitCode);
        Assert.Equal([("AGT0004", catalog, 3), ("AGT0004", catalog, 0)], build.Diagnostics.Select(d => (d.Code, d.File, d.Line)));
        Assert.Equal(
            "The criteria of 2 agent tests could not be checked, because the criteria catalog above is malformed: T.A, T.B. Correct the catalog; the build checks them then.",
            build.Diagnostics[1].Message);
    }

    [Fact]
    public async Task A_malformed_catalog_reports_every_problem_at_its_position()
    {
        var project = TestProject.Create(TestFramework.XunitV3, "BadCatalog.Tests");
        project.WriteRootFile("agenttestguard.policy.json", Sources.Policy);
        var catalog = project.WriteRootFile("agenttestguard.criteria.json", """
            {
              "criteria": [
                { "id": "CART-12", "text": "Tax" },
                { "id": "CART-12", "text": "Duplicate" },
                { "text": "No id" },
                { "id": "CART-14", "text": "Bad link", "link": "javascript:alert(1)" },
                { "id": "CART-15", "txt": "Typo" }
              ]
            }
            """);
        project.Write("T.cs", "using Xunit;\nusing AgentTestGuard;\npublic class T { [Fact, AgentGenerated(\"copilot\"), AcceptanceCriteria(\"CART-12\")] public void A() { } }\n");
        project.ReferencePackage();

        var build = await project.BuildAsync();

        Assert.Equal(1, build.ExitCode);
        // Each problem at its position, then once (line 0) the test whose criterion it left unchecked; no AGT0002.
        Assert.Equal(
            [("AGT0004", 0), ("AGT0004", 4), ("AGT0004", 5), ("AGT0004", 6), ("AGT0004", 7), ("AGT0008", 7)],
            build.Diagnostics.Select(d => (d.Code, d.Line)).Order());
        Assert.All(build.Diagnostics, d => Assert.Equal(catalog, d.File));
        Assert.Contains($"{catalog}(6,52): error AGT0004: 'link' must be an absolute http:// or https:// address", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_files_warn_or_fail_with_the_way_to_fix_them()
    {
        var project = TestProject.Create(TestFramework.XunitV3, "NoFiles.Tests");
        project.Write("T.cs", "using Xunit;\nusing AgentTestGuard;\npublic class T\n{\n    [Fact, AgentGenerated(\"copilot\"), AcceptanceCriteria(\"CART-12\")]\n    public void A()\n    {\n    }\n}\n");
        project.ReferencePackage();

        var build = await project.BuildAsync();

        Assert.Equal(1, build.ExitCode);
        Assert.Equal([("AGT0002", "error"), ("AGT0006", "warning")], build.Diagnostics.Select(d => (d.Code, d.Severity)).Order());
        Assert.Contains("no agenttestguard.criteria.json was found", build.Errors.Single().Message, StringComparison.Ordinal);

        var missing = Path.Combine(project.Root, "missing.json");
        var named = await project.BuildAsync($"-p:AgentTestGuardCriteriaFile={missing}");
        Assert.Equal([("AGT0011", missing), ("AGT0011", missing)], named.Errors.Select(e => (e.Code, e.File)));
        Assert.Equal(
            "The criteria of 1 agent test could not be checked, because the criteria catalog above does not exist: T.A. Correct the catalog; the build checks them then.",
            named.Errors.Last().Message);
    }
}
