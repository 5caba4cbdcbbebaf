using AgentTestGuard.Configuration;
using AgentTestGuard.Core.Tests.Configuration;
using AgentTestGuard.Inventory;
using AgentTestGuard.Validation;
using Xunit;

namespace AgentTestGuard.Core.Tests.Validation;

public sealed class AgentTestValidatorTests
{
    private const string PolicyJson = """{ "agents": ["copilot"], "criteriaPatterns": [ { "pattern": "JIRA-[0-9]+" } ] }""";
    private const string CatalogJson = """{ "criteria": [ { "id": "CART-12", "text": "Tax." } ] }""";

    [Fact]
    public void A_valid_test_has_no_diagnostics()
    {
        using var policy = new TempFile("p.json", PolicyJson);
        using var catalog = new TempFile("c.json", CatalogJson);

        var diagnostics = Validate([Test("A", "Copilot", "CART-12", "JIRA-1")], policy.Path, catalog.Path);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Each_rule_points_at_the_test()
    {
        using var policy = new TempFile("p.json", PolicyJson);
        using var catalog = new TempFile("c.json", CatalogJson);

        var diagnostics = Validate(
            [Test("NoCriteria", "copilot"), Test("Unknown", "copilot", "CART-12", "CART-99", "jira-1"), Test("Rogue", "rogue", "CART-12")],
            policy.Path, catalog.Path);

        Assert.Equal(
            [("AGT0001", "T.cs", 10), ("AGT0002", "T.cs", 20), ("AGT0002", "T.cs", 20), ("AGT0003", "T.cs", 30)],
            diagnostics.Select(d => (d.Code, Path.GetFileName(d.File!), d.Line)).Order());
        Assert.Contains("'rogue', which the policy '" + policy.Path + "' does not allow (allowed: copilot)", diagnostics.Single(d => d.Code == "AGT0003").Message, StringComparison.Ordinal);
        Assert.Contains("which the criteria catalog '" + catalog.Path + "' does not define and no 'criteriaPatterns' entry", diagnostics.First(d => d.Code == "AGT0002").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_files_every_id_is_unknown_and_the_missing_policy_is_a_warning()
    {
        var diagnostics = AgentTestValidator.Validate([Test("A", "copilot", "CART-12")], new RepositoryConfiguration(null, null), "/out/T.dll", "/repo/tests");

        Assert.Equal([("AGT0006", "/out/T.dll"), ("AGT0002", "/repo/tests/T.cs")], diagnostics.Select(d => (d.Code, d.File)));
        Assert.Contains("no agenttestguard.criteria.json was found in '/repo/tests' or above", diagnostics[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_test_without_source_is_reported_on_the_assembly()
    {
        var test = Test("A", "copilot") with { Source = null };

        var diagnostic = Assert.Single(AgentTestValidator.Validate([test], new RepositoryConfiguration(null, null), "/out/T.dll", "/repo"), d => d.Code == "AGT0001");

        Assert.Equal(("/out/T.dll", 0), (diagnostic.File, diagnostic.Line));
    }

    [Fact]
    public void A_test_without_criteria_is_told_how_to_name_one()
    {
        var diagnostic = Assert.Single(AgentTestValidator.Validate([Test("A", "copilot")], new RepositoryConfiguration(null, null), "/out/T.dll", "/repo"), d => d.Code == "AGT0001");

        Assert.Equal(
            "Agent test 'N.T.A' links to no acceptance criterion. Name the criterion it checks: [AgentGenerated(\"copilot\", Criteria = [\"<id>\"])], or [AcceptanceCriteria(\"<id>\")] on the method or its class.",
            diagnostic.Message);
    }

    [Fact]
    public void Agent_written_text_is_shown_inertly()
    {
        using var policy = new TempFile("p.json", PolicyJson);

        var diagnostics = AgentTestValidator.Validate([Test("A", "evil\u001b[2J", "X\u001b]8;;")], RepositoryConfiguration.Load(policy.Path, null, out _), "/T.dll", "/");

        Assert.All(diagnostics, d => Assert.DoesNotContain('\u001b', d.Message));
        Assert.Contains(diagnostics, d => d.Message.Contains("'evil\\u001B[2J'", StringComparison.Ordinal));
    }

    [Fact]
    public void No_tests_means_nothing_is_checked()
    {
        Assert.Empty(AgentTestValidator.Validate([], new RepositoryConfiguration(null, null), "/T.dll", "/"));
    }

    [Fact]
    public void A_named_file_that_does_not_exist_is_an_error()
    {
        RepositoryConfiguration.Load("/nowhere/p.json", "", out var diagnostics);

        var error = Assert.Single(diagnostics);
        Assert.Equal(("AGT0011", "/nowhere/p.json"), (error.Code, error.File));
        Assert.Contains("AgentTestGuardPolicyFile", error.Message, StringComparison.Ordinal);
    }

    private static IReadOnlyList<AgentTestGuard.Diagnostics.Diagnostic> Validate(IReadOnlyList<AgentTest> tests, string policy, string catalog)
    {
        var configuration = RepositoryConfiguration.Load(policy, catalog, out var loading);
        Assert.Empty(loading);
        return AgentTestValidator.Validate(tests, configuration, "/out/T.dll", "/repo");
    }

    private static AgentTest Test(string method, string agent, params string[] criteria)
    {
        var line = method switch { "NoCriteria" => 10, "Unknown" => 20, "Rogue" => 30, _ => 1 };
        return new AgentTest($"N.T.{method}", "N.T", method, agent, AgentEvidence.None, criteria, new string('0', 32), new SourceLocation("/repo/tests/T.cs", line));
    }
}
