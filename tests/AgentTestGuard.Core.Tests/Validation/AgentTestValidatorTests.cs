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
    public void A_named_catalog_that_does_not_exist_is_one_error_and_the_tests_it_left_unchecked_one_more()
    {
        var configuration = RepositoryConfiguration.Load(null, "/nowhere/c.json", out var loading);

        var diagnostics = loading.Concat(AgentTestValidator.Validate([Test("A", "copilot", "CART-12"), Test("B", "copilot", "CART-13")], configuration, "/out/T.dll", "/repo")).ToList();

        Assert.Equal(
            [
                ("AGT0011", "/nowhere/c.json", "'/nowhere/c.json' does not exist. Create it, or correct or remove the AgentTestGuardCriteriaFile property that names it."),
                ("AGT0006", "/out/T.dll", diagnostics[1].Message),
                ("AGT0011", "/nowhere/c.json", "The criteria of 2 agent tests could not be checked, because the criteria catalog above does not exist: N.T.A, N.T.B. Correct the catalog; the build checks them then."),
            ],
            diagnostics.Select(d => (d.Code, d.File, d.Message)));
    }

    [Fact]
    public void A_named_file_that_does_not_exist_is_an_error()
    {
        RepositoryConfiguration.Load("/nowhere/p.json", "", out var diagnostics);

        var error = Assert.Single(diagnostics);
        Assert.Equal(("AGT0011", "/nowhere/p.json"), (error.Code, error.File));
        Assert.Contains("AgentTestGuardPolicyFile", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_policy_is_reported_once_for_what_it_is_not_also_as_no_policy()
    {
        using var policy = new TempFile("p.json", "{ \"agents\": [\"copilot\" }");
        using var catalog = new TempFile("c.json", CatalogJson);
        var configuration = RepositoryConfiguration.Load(policy.Path, catalog.Path, out var loading);

        var diagnostics = loading.Concat(AgentTestValidator.Validate([Test("A", "copilot", "CART-12"), Test("B", "copilot", "CART-12")], configuration, "/out/T.dll", "/repo")).ToList();

        var only = Assert.Single(diagnostics);
        Assert.Equal(("AGT0005", policy.Path), (only.Code, only.File));
    }

    [Fact]
    public void A_malformed_catalog_is_reported_with_one_line_for_the_tests_it_left_unchecked_not_one_AGT0002_each()
    {
        using var policy = new TempFile("p.json", PolicyJson);
        using var catalog = new TempFile("c.json", "{ \"criteria\": [ { \"id\": \"CART-12\" \"text\": \"Tax.\" } ] }");
        var configuration = RepositoryConfiguration.Load(policy.Path, catalog.Path, out var loading);

        var diagnostics = AgentTestValidator.Validate(
            [Test("A", "copilot", "CART-12"), Test("B", "copilot", "JIRA-4"), Test("C", "copilot", "JIRA-5", "CART-13")],
            configuration, "/out/T.dll", "/repo");

        Assert.Equal(["AGT0004"], loading.Select(d => d.Code).Distinct());
        var notChecked = Assert.Single(diagnostics);
        Assert.Equal(("AGT0004", catalog.Path, 0, 0), (notChecked.Code, notChecked.File, notChecked.Line, notChecked.Column));
        Assert.Equal(
            "The criteria of 2 agent tests could not be checked, because the criteria catalog above is malformed: N.T.A, N.T.C. Correct the catalog; the build checks them then.",
            notChecked.Message);
    }

    [Fact]
    public void Fix_texts_name_the_attribute_the_test_was_tagged_with()
    {
        using var policy = new TempFile("p.json", PolicyJson);
        var configuration = RepositoryConfiguration.Load(policy.Path, null, out _);

        var diagnostics = AgentTestValidator.Validate(
            [Test("NoCriteria", "copilot") with { Tag = "AgentFact" }, Test("Rogue", "rogue", "JIRA-1") with { Tag = "AgentTheory" }],
            configuration, "/out/T.dll", "/repo");

        Assert.Equal(
            [
                ("AGT0001", "Agent test 'N.T.NoCriteria' links to no acceptance criterion. Name the criterion it checks: [AgentFact(\"copilot\", \"<id>\")], or [AcceptanceCriteria(\"<id>\")] on the method or its class."),
                ("AGT0003", $"Agent test 'N.T.Rogue' is tagged with agent 'rogue', which the policy '{policy.Path}' does not allow (allowed: copilot). Correct the agent in its [AgentTheory], or have the workflow owner add the agent to 'agents' in the policy."),
            ],
            diagnostics.Select(d => (d.Code, d.Message)).Order());
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
