using System.Text;
using AgentTestGuard.EndToEnd.Tests.Infrastructure;
using AgentTestGuard.EndToEnd.Tests.Run;
using AgentTestGuard.Tests.Shared;
using static AgentTestGuard.EndToEnd.Tests.Run.RunSources;
using static AgentTestGuard.EndToEnd.Tests.Tool.ToolTests;

namespace AgentTestGuard.EndToEnd.Tests.Tool;

/// <summary>
/// The review files as git sees them (issue 30): `approve` changes only its own line, so `git blame`
/// keeps crediting an agent's line to the agent; a rejection wins over an approval line that a union
/// merge brings back.
/// </summary>
public sealed class ReviewFileEditTests
{
    private const string Agent = "Copilot <198982749+Copilot@users.noreply.github.com>";

    // These tests are about the ledger's bytes, not the evidence: the tests never ran.
    private const string NotRun = "about the ledger's edits, not runs";

    [Fact]
    public async Task Approve_adds_its_line_and_leaves_every_other_byte_so_blame_still_names_the_agent()
    {
        var project = await BuildApprovedAsync(TestFramework.XunitV3);
        var git = project.InitGit();
        await InstallToolAsync(project);

        // The agent's own line, spaced unlike the tool writes it, in a ledger with a BOM, CRLF and comments.
        var ledger = Path.Combine(project.Root, "agenttestguard.approvals.jsonl");
        var fingerprint = project.ReadInventory().Tests.Single(t => t.Id == Approved).Fingerprint;
        var agentLine = $$"""{ "assembly": "Shop.Tests", "test": "{{Approved}}", "fingerprint": "{{fingerprint}}", "approver": "Dana Lee <dana@example.com>", "at": "2026-11-24T09:30:00Z" }""";
        var before = "\uFEFF// approvals\r\n// reviewed like code\r\n" + agentLine + "\r\n";
        File.WriteAllBytes(ledger, Encoding.UTF8.GetBytes(before));
        git.CommitAll("tests and an approval", author: Agent);
        var agentCommit = git.Run("rev-parse", "HEAD").Trim();

        var approve = await AgtAsync(project, "approve", Unapproved, "--despite", NotRun);

        Assert.True(approve.ExitCode == 0, approve.Output);
        var after = Encoding.UTF8.GetString(File.ReadAllBytes(ledger));
        var lines = after.Split("\r\n");
        Assert.Equal(5, lines.Length);
        Assert.StartsWith($$"""{"assembly":"Shop.Tests","test":"{{Unapproved}}",""", lines[2], StringComparison.Ordinal);
        Assert.Equal(before, string.Join("\r\n", lines.Where((_, i) => i != 2)));
        Assert.Equal("1\t0\tagenttestguard.approvals.jsonl\n", git.Run("diff", "--numstat", "--", "agenttestguard.approvals.jsonl"));
        git.CommitAll("approve the discount test");
        Assert.StartsWith(agentCommit + " ", git.Run("blame", "--porcelain", "-L", "4,4", "--", "agenttestguard.approvals.jsonl"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_union_merge_that_brings_back_a_rejected_tests_approval_leaves_the_test_quarantined_as_rejected()
    {
        var project = await BuildApprovedAsync(TestFramework.XunitV3);
        var git = project.InitGit();
        project.WriteRootFile(".gitattributes", "agenttestguard.approvals.jsonl merge=union\nagenttestguard.incidents.jsonl merge=union\n");
        await InstallToolAsync(project);
        git.CommitAll("tests; the shipping test approved");

        // A branch approves the neighbouring test, while main rejects the approved one.
        git.Run("checkout", "-q", "-b", "discount");
        var approve = await AgtAsync(project, "approve", Unapproved, "--despite", NotRun);
        Assert.True(approve.ExitCode == 0, approve.Output);
        git.CommitAll("approve the discount test");
        git.Run("checkout", "-q", "main");
        var reject = await AgtAsync(project, "reject", Approved, "--reason", "asserts the mock, not the cart");
        Assert.True(reject.ExitCode == 0, reject.Output);
        git.CommitAll("reject the shipping test");
        git.Run("merge", "-q", "--no-edit", "discount");

        // The union merge kept both sides of the neighbouring lines: the withdrawn approval is back.
        var ledger = File.ReadAllText(Path.Combine(project.Root, "agenttestguard.approvals.jsonl"));
        Assert.Contains($"\"test\":\"{Approved}\"", ledger, StringComparison.Ordinal);

        var (results, _, environment) = RunFixture.NewRun(project, (FailApproved, "1"));
        var run = await DotNet.RunAsync(project.Directory, ["test", "--project", project.ProjectFile, "--results-directory", results], environment);

        Assert.True(run.ExitCode == 0, run.Output);
        var shipping = RunRecord.ReadSingle(results).Test(Approved);
        Assert.Equal(("failed", "quarantined", "rejected"), (
            shipping.GetProperty("outcome").GetString(), shipping.GetProperty("classification").GetString(), shipping.GetProperty("approval").GetString()));
        var inventoryApproval = project.ReadInventory().Tests.Single(t => t.Id == Approved).Approval!;
        Assert.Equal((GitRepository.Human, "asserts the mock, not the cart"), (inventoryApproval.Rejection?.By, inventoryApproval.Rejection?.Reason));

        // Approving it again changes nothing while the rejection holds: refused, and said why.
        var again = await AgtAsync(project, "approve", Approved);
        Assert.True(again.ExitCode == 3, again.Output);
        Assert.Contains($"refused: {Approved} is rejected in its current version", again.Output, StringComparison.Ordinal);
    }
}
