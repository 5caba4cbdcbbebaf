using System.Text.Json;
using System.Text.RegularExpressions;
using AgentTestGuard.EndToEnd.Tests.Infrastructure;
using static AgentTestGuard.EndToEnd.Tests.Run.RunSources;
using static AgentTestGuard.EndToEnd.Tests.Tool.ToolTests;

namespace AgentTestGuard.EndToEnd.Tests.Tool;

/// <summary>
/// The one-time re-review after upgrading to fingerprint version 2: an approval made by an earlier version
/// is stale, status says why and prints the command, and only a human's approve makes it hold again.
/// </summary>
public sealed class FingerprintUpgradeToolTests
{
    [Fact]
    public async Task Status_lists_approvals_made_before_fingerprint_version_2_with_the_approve_command()
    {
        var project = await BuildApprovedAsync(TestFramework.XunitV3);
        var ledger = Path.Combine(project.Root, "agenttestguard.approvals.jsonl");

        // The ledger as the previous version wrote it: the same approval, bound to the compiled code's hash.
        File.WriteAllText(ledger, Regex.Replace(File.ReadAllText(ledger), "\"fingerprint\":\"v2:[0-9a-f]{32}\"", "\"fingerprint\":\"d496ca88dc88fadc8f275c676b441092\""));
        var git = project.InitGit();
        git.CommitAll("approvals made before the upgrade");
        await InstallToolAsync(project);

        var status = await AgtAsync(project, "status");

        Assert.True(status.ExitCode == 0, status.Output);
        Assert.Contains("2 agent tests: 0 approved, 1 quarantined, 1 stale, 0 rejected.", status.Output, StringComparison.Ordinal);
        Assert.Contains(
            "1 of the stale approvals were made before fingerprint version 2, which fingerprints a test's source instead of its compiled code (docs/fingerprint.md): they are stale once, edited or not. Review each test and approve it again:\n"
            + $"  dotnet agt approve {Approved}\n",
            status.Output.ReplaceLineEndings("\n"),
            StringComparison.Ordinal);

        var approve = await AgtAsync(project, "approve", Approved, "--by", "Dana Lee <dana@example.com>", "--despite", "about the fingerprint upgrade, not runs");
        Assert.True(approve.ExitCode == 0, approve.Output);
        status = await AgtAsync(project, "status", "--json");
        Assert.True(status.ExitCode == 0, status.Output);
        var json = status.Output[status.Output.IndexOf('{', StringComparison.Ordinal)..];
        var states = JsonDocument.Parse(json).RootElement.GetProperty("tests").EnumerateArray()
            .ToDictionary(t => t.GetProperty("id").GetString()!, t => t.GetProperty("state").GetString()!);
        Assert.Equal("approved", states[Approved]);
        Assert.Equal("quarantined", states[Unapproved]);
    }
}
