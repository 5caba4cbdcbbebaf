using System.Text.Json;
using AgentTestGuard.EndToEnd.Tests.Infrastructure;
using AgentTestGuard.EndToEnd.Tests.Run;
using AgentTestGuard.Tests.Shared;
using static AgentTestGuard.EndToEnd.Tests.Run.RunSources;

namespace AgentTestGuard.EndToEnd.Tests.Tool;

/// <summary>
/// `dotnet agt`, installed from the run's feed into a tool manifest, against a fresh project in a
/// real git repository: the review loop a QA engineer runs.
/// </summary>
public sealed class ToolTests
{
    // The machine's git configuration (signing, identity) must not decide anything.
    private static readonly Dictionary<string, string?> GitIsolation = new()
    {
        ["GIT_CONFIG_GLOBAL"] = "/dev/null",
        ["GIT_CONFIG_NOSYSTEM"] = "1",
        ["NO_COLOR"] = "1",
    };

    [Fact]
    public async Task Approve_refuses_a_bot_and_a_pattern_matching_nothing_and_writes_nothing()
    {
        var project = await BuildApprovedAsync(TestFramework.XunitV3);
        project.InitGit();
        await InstallToolAsync(project);
        var ledger = Path.Combine(project.Root, "agenttestguard.approvals.jsonl");
        var before = File.ReadAllText(ledger);

        var bot = await AgtAsync(project, "approve", Unapproved, "--by", "ci-bot[bot] <ci-bot@example.com>");
        var none = await AgtAsync(project, "approve", "Shop.Tests.Nothing.*");

        Assert.True(bot.ExitCode == 3, bot.Output);
        Assert.Contains("refused: 'ci-bot[bot] <ci-bot@example.com>' cannot decide on " + Unapproved, bot.Output, StringComparison.Ordinal);
        Assert.True(none.ExitCode == 1, none.Output);
        Assert.Contains("'Shop.Tests.Nothing.*' matches no agent test", none.Output, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(ledger));
    }

    [Fact]
    public async Task An_approval_gates_the_next_run_until_an_edit_makes_it_stale()
    {
        var project = await BuildApprovedAsync(TestFramework.XunitV3);
        project.InitGit();
        await InstallToolAsync(project);
        var status = await AgtAsync(project, "status", "--json");
        Assert.True(status.ExitCode == 0, status.Output);
        Assert.Equal([(Unapproved, "quarantined"), (Approved, "approved")], States(status.Output));

        // The test runs, quarantined, and passes; then the human approves it on that evidence, and the next dotnet test gates it.
        var (passing, _, passingEnvironment) = RunFixture.NewRun(project);
        var quarantined = await DotNet.RunAsync(project.Directory, ["test", "--project", project.ProjectFile, "--results-directory", passing], passingEnvironment);
        Assert.True(quarantined.ExitCode == 0, quarantined.Output);
        var approve = await AgtAsync(project, "approve", "Shop.Tests.CheckoutTests.Agent_d*", "--note", "checked against CART-12", "--runs", passing);
        Assert.True(approve.ExitCode == 0, approve.Output);
        Assert.Contains("approved  " + Unapproved, approve.Output, StringComparison.Ordinal);
        Assert.Contains("runs      1 run, 1 attempt: 1 passed, 0 failed", approve.Output, StringComparison.Ordinal);
        var (results, _, environment) = RunFixture.NewRun(project, (FailUnapproved, "1"));
        var gated = await DotNet.RunAsync(project.Directory, ["test", "--project", project.ProjectFile, "--results-directory", results], environment);
        Assert.True(gated.ExitCode == 2, gated.Output);
        Assert.Equal("approved", RunRecord.ReadSingle(results).Test(Unapproved).GetProperty("classification").GetString());

        // Editing the approved test makes status say stale.
        project.Write("CheckoutTests.cs", RunSources.Tests(TestFramework.XunitV3).Replace("\"FAIL_UNAPPROVED\", \"discount\"", "\"FAIL_UNAPPROVED\", \"discount-edited\"", StringComparison.Ordinal));
        status = await AgtAsync(project, "status", "--json");
        Assert.True(status.ExitCode == 0, status.Output);
        Assert.Equal([(Unapproved, "stale"), (Approved, "approved")], States(status.Output));
    }

    [Fact]
    public async Task Two_approvals_at_once_both_land_and_reject_records_an_incident()
    {
        var project = await BuildApprovedAsync(TestFramework.XunitV3);
        project.InitGit();
        await InstallToolAsync(project);
        project.Write("CheckoutTests.cs", RunSources.Tests(TestFramework.XunitV3, shippingBody: "Check(\"FAIL_APPROVED\", \"shipping-edited\");"));
        Assert.Equal(0, (await project.BuildAsync()).ExitCode);

        var both = await Task.WhenAll(AgtAsync(project, "approve", Unapproved, "--despite", "about concurrent writers, not runs"), AgtAsync(project, "approve", Approved, "--despite", "about concurrent writers, not runs"));
        Assert.All(both, run => Assert.True(run.ExitCode == 0, run.Output));
        var status = await AgtAsync(project, "status", "--json");
        Assert.Equal([(Unapproved, "approved"), (Approved, "approved")], States(status.Output));

        var reject = await AgtAsync(project, "reject", Approved, "--reason", "asserts the wrong rounding");
        Assert.True(reject.ExitCode == 0, reject.Output);
        status = await AgtAsync(project, "status", "--json");
        Assert.Equal([(Unapproved, "approved"), (Approved, "rejected")], States(status.Output));
        var incidents = await AgtAsync(project, "incident", "list", "--json");
        Assert.True(incidents.ExitCode == 0, incidents.Output);
        var incident = Assert.Single(JsonDocument.Parse(Json(incidents.Output)).RootElement.GetProperty("incidents").EnumerateArray());
        Assert.Equal(("rejection", "claude-code", Approved, "asserts the wrong rounding", GitRepository.Human), (
            incident.GetProperty("kind").GetString(), incident.GetProperty("agent").GetString(), incident.GetProperty("test").GetString(),
            incident.GetProperty("reason").GetString(), incident.GetProperty("by").GetString()));
    }

    [Fact]
    public async Task Rejecting_a_test_never_approved_records_the_incident_and_leaves_the_ledger_as_written()
    {
        var project = await BuildApprovedAsync(TestFramework.XunitV3);
        project.InitGit();
        await InstallToolAsync(project);
        var ledger = Path.Combine(project.Root, "agenttestguard.approvals.jsonl");
        File.AppendAllText(ledger, "// kept as written: a comment the ledger's writer would drop\n");
        var before = File.ReadAllBytes(ledger);

        var reject = await AgtAsync(project, "reject", Unapproved, "--reason", "checks nothing");

        Assert.True(reject.ExitCode == 0, reject.Output);
        Assert.Equal(before, File.ReadAllBytes(ledger));
        var status = await AgtAsync(project, "status", "--json");
        Assert.Equal([(Unapproved, "rejected"), (Approved, "approved")], States(status.Output));
    }

    [Fact]
    public async Task Verify_and_incident_list_read_the_review_files_without_building()
    {
        var project = await BuildApprovedAsync(TestFramework.XunitV3);
        var git = project.InitGit();
        await InstallToolAsync(project);
        var reject = await AgtAsync(project, "reject", Unapproved, "--reason", "checks nothing");
        Assert.True(reject.ExitCode == 0, reject.Output);
        git.CommitAll("approve one agent test, reject the other");

        // A fresh CI checkout: nothing restored, nothing built. verify needs the ledger and the
        // policy, which a restore locates; building the tests could take CI minutes.
        Directory.Delete(Path.Combine(project.Directory, "bin"), recursive: true);
        Directory.Delete(Path.Combine(project.Directory, "obj"), recursive: true);
        var verified = await AgtAsync(project, "verify");
        Assert.True(verified.ExitCode == 0, verified.Output);
        Assert.Contains("restoring Shop.Tests.csproj", verified.Output, StringComparison.Ordinal);
        Assert.Contains("1 approvals verified: each added in a commit by a human author.", verified.Output, StringComparison.Ordinal);

        // Restored, with sources newer than any inventory: still nothing is built.
        project.Write("CheckoutTests.cs", RunSources.Tests(TestFramework.XunitV3, shippingBody: "Check(\"FAIL_APPROVED\", \"shipping-edited\");"));
        verified = await AgtAsync(project, "verify");
        Assert.True(verified.ExitCode == 0, verified.Output);
        Assert.DoesNotContain("building", verified.Output, StringComparison.Ordinal);
        var incidents = await AgtAsync(project, "incident", "list", "--json");
        Assert.True(incidents.ExitCode == 0, incidents.Output);
        Assert.Equal(Unapproved, Assert.Single(JsonDocument.Parse(Json(incidents.Output)).RootElement.GetProperty("incidents").EnumerateArray()).GetProperty("test").GetString());

        Assert.False(Directory.Exists(Path.Combine(project.Directory, "bin")), "a command built the project");
        Assert.False(File.Exists(project.InventoryInObj), "a command wrote an inventory");
    }

    // Test classes run in parallel; two installs extracting the tool into the run's one packages
    // folder at once fail on the shared package file.
    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    /// <summary>The manifest the run's first real install wrote, once it has.</summary>
    private static string? s_installedManifest;

    internal static Task InstallToolAsync(TestProject project) => InstallToolAsync(project.Root);

    /// <summary>
    /// Installs the run's tool as a local tool of the folder (a tool manifest in it). The run's first
    /// install is the real one, `dotnet new tool-manifest` then `dotnet tool install`, which puts the
    /// package in the run's packages folder; every later one writes the manifest that install wrote,
    /// which is all an install changes in the folder (two dotnet processes fewer per test).
    /// </summary>
    internal static async Task InstallToolAsync(string root)
    {
        await InstallGate.WaitAsync();
        try
        {
            var path = Path.Combine(root, "dotnet-tools.json");
            if (s_installedManifest is not null)
            {
                File.WriteAllText(path, s_installedManifest);
                return;
            }

            var manifest = await DotNet.RunAsync(root, ["new", "tool-manifest"]);
            Assert.True(manifest.ExitCode == 0, manifest.Output);
            var install = await DotNet.RunAsync(root, ["tool", "install", "AgentTestGuard.Tool", "--version", PackageFixture.Version]);
            Assert.True(install.ExitCode == 0, install.Output);
            s_installedManifest = File.ReadAllText(path);
        }
        finally
        {
            InstallGate.Release();
        }
    }

    internal static Task<ProcessResult> AgtAsync(TestProject project, params string[] arguments) =>
        DotNet.RunAsync(project.Root, ["agt", .. arguments], GitIsolation);

    // status may say which projects it built before the JSON.
    private static string Json(string output) => output[output.IndexOf('{', StringComparison.Ordinal)..];

    private static List<(string, string)> States(string output) =>
        [.. JsonDocument.Parse(Json(output)).RootElement.GetProperty("tests").EnumerateArray()
            .Select(t => (t.GetProperty("id").GetString()!, t.GetProperty("state").GetString()!))];
}
