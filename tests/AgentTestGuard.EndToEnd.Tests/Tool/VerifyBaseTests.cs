using AgentTestGuard.Approvals;
using AgentTestGuard.EndToEnd.Tests.Infrastructure;
using AgentTestGuard.EndToEnd.Tests.Run;
using AgentTestGuard.Tests.Shared;
using static AgentTestGuard.EndToEnd.Tests.Run.RunSources;
using static AgentTestGuard.EndToEnd.Tests.Tool.ToolTests;

namespace AgentTestGuard.EndToEnd.Tests.Tool;

/// <summary>
/// `dotnet agt verify --base main` in a real repository, against what an agent does to get its
/// tests waved through (issue 30): each change here is committed on a branch, as in a pull request.
/// </summary>
public sealed class VerifyBaseTests(VerifyFixture fixture) : IClassFixture<VerifyFixture>
{
    private const string Agent = "Copilot <198982749+Copilot@users.noreply.github.com>";
    private const string AgentWhy = "it is the GitHub address of the agent app 'Copilot'";
    private const string SignedPolicyKey = "\"requireSignedApprovals\": true,\n  \"agents\":";

    [Fact]
    public async Task A_change_that_drops_requireSignedApprovals_is_judged_by_the_policy_of_the_base()
    {
        Assert.SkipWhen(SshSigningKey.Unavailable is not null, $"the signed case needs an SSH key: {SshSigningKey.Unavailable}");
        using var key = SshSigningKey.Create();
        var (project, git) = fixture.NewRepository("verify-policy", RequireSignatures, sshSigningKey: key.PrivateKey);
        git.Run("config", "gpg.ssh.allowedSignersFile", key.AllowedSigners);

        // Unsigned, under the human's name: the policy loses the rule, the ledger gains a line.
        project.WriteRootFile("agenttestguard.policy.json", Build.Sources.Policy);
        File.AppendAllText(Ledger(project), fixture.ApprovalOfUnapproved() + "\n");
        git.CommitAll("approve the discount test; signatures are a hassle");
        var change = Head(git);

        // Judged by the rules of the change itself, it passes.
        var own = await AgtAsync(project, "verify");
        Assert.True(own.ExitCode == 0, own.Output);

        var verdict = await AgtAsync(project, "verify", "--base", "main");

        Assert.True(verdict.ExitCode == 1, verdict.Output);
        var output = verdict.Output.ReplaceLineEndings("\n");
        Assert.Contains($"agenttestguard.approvals.jsonl(3): {Unapproved}: added in commit {change} by '{GitRepository.Human}': not signed\n", output, StringComparison.Ordinal);
        Assert.Contains($"offending  agenttestguard.approvals.jsonl: changed in commit {change} by '{GitRepository.Human}': not signed\n", output, StringComparison.Ordinal);
        Assert.Contains($"offending  agenttestguard.policy.json: changed in commit {change} by '{GitRepository.Human}': not signed\n", output, StringComparison.Ordinal);
        Assert.Contains("error: 2 change(s) since main to review files or AgentTestGuard settings were not made by a human author and committer in a signed commit.", output, StringComparison.Ordinal);
        Assert.EndsWith("error: 1 of 2 approvals were not added by a human author in a signed commit. Remove those lines and have a human approve the tests in a signed commit.\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Under_requireSignedApprovals_an_unsigned_approval_fails_and_a_signed_reapproval_passes()
    {
        Assert.SkipWhen(SshSigningKey.Unavailable is not null, $"the signed case needs an SSH key: {SshSigningKey.Unavailable}");
        using var key = SshSigningKey.Create();
        var (project, git) = fixture.NewRepository("verify-signed", RequireSignatures);
        var unsignedBase = Head(git);
        git.Run("config", "gpg.ssh.allowedSignersFile", key.AllowedSigners);

        var unsigned = await AgtAsync(project, "verify");

        Assert.True(unsigned.ExitCode == 1, unsigned.Output);
        var output = unsigned.Output.ReplaceLineEndings("\n");
        Assert.Contains($"agenttestguard.approvals.jsonl(2): {Approved}: added in commit {unsignedBase} by '{GitRepository.Human}': not signed\n", output, StringComparison.Ordinal);
        Assert.EndsWith(
            "\nerror: 1 of 1 approvals were not added by a human author in a signed commit. Remove those lines and have a human approve the tests in a signed commit.\n",
            output,
            StringComparison.Ordinal);

        // A human re-approving in a commit signed with a key CI vouches for passes.
        var reapproved = await AgtAsync(project, "approve", "Shop.Tests.CheckoutTests.*", "--note", "re-approved in a signed commit", "--despite", "about signatures, not runs");
        Assert.True(reapproved.ExitCode == 0, reapproved.Output);
        git.CommitAll("re-approve, signed", sshSigningKey: key.PrivateKey);
        var signed = await AgtAsync(project, "verify");
        Assert.True(signed.ExitCode == 0, signed.Output);
        Assert.Contains("2 approvals verified (2 given despite missing evidence, listed above): each added in a signed commit by a human author.", signed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ledger_line_committed_by_a_bot_under_a_humans_name_is_offending()
    {
        var (project, git) = fixture.NewRepository("verify-committer");
        File.AppendAllText(Ledger(project), fixture.ApprovalOfUnapproved() + "\n");
        git.Run("add", "-A");
        git.Run("-c", "user.name=copilot-swe-agent[bot]", "-c", "user.email=198982749+Copilot@users.noreply.github.com",
            "commit", "-q", "-m", "approve as the human", "--author", GitRepository.Human);
        var change = Head(git);

        var verdict = await AgtAsync(project, "verify");

        Assert.True(verdict.ExitCode == 1, verdict.Output);
        Assert.Contains(
            $"agenttestguard.approvals.jsonl(3): {Unapproved}: added in commit {change} by '{GitRepository.Human}': committed by 'copilot-swe-agent[bot] <198982749+Copilot@users.noreply.github.com>': it is a bot account ([bot])\n",
            verdict.Output.ReplaceLineEndings("\n"),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agents_approval_stays_offending_after_a_human_rewrites_the_ledger()
    {
        var (project, git) = fixture.NewRepository("verify-launder");
        File.AppendAllText(Ledger(project), fixture.ApprovalOfUnapproved(spacing: " ") + "\n");
        git.CommitAll("self-approval", author: Agent);
        var agents = Head(git);
        var caught = await AgtAsync(project, "verify");
        Assert.True(caught.ExitCode == 1, caught.Output);
        Assert.Contains($"agenttestguard.approvals.jsonl(3): {Unapproved}: added in commit {agents} by '{Agent}': {AgentWhy}\n", caught.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.EndsWith(
            "\nerror: 1 of 2 approvals were not added by a human author. Remove those lines and have a human approve the tests.\n",
            caught.Output.ReplaceLineEndings("\n"),
            StringComparison.Ordinal);

        // A human's tool rewrites the whole ledger in its own form: git blame now names the human.
        ApprovalLedger.Write(Ledger(project), ApprovalLedger.Load(Ledger(project), out _)!);
        git.CommitAll("tidy the ledger");

        var verdict = await AgtAsync(project, "verify");

        Assert.True(verdict.ExitCode == 1, verdict.Output);
        Assert.Contains($"agenttestguard.approvals.jsonl(2): {Unapproved}: added in commit {agents} by '{Agent}': {AgentWhy}\n", verdict.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Directory.Build.props", "<AgentTestGuardSkip>true</AgentTestGuardSkip>", "AgentTestGuardSkip is true: the build makes no inventory, so its agent tests gate unrecognised", "skips the package: no inventory, agent tests gate unrecognised")]
    [InlineData("Directory.Build.props", "<AgentTestGuardEnforce>false</AgentTestGuardEnforce>", "AgentTestGuardEnforce is false: a run in CI passes while its agent tests are unreviewed", "turns enforce mode off: a run in CI passes while agent tests are unreviewed")]
    [InlineData("Directory.Build.targets", "<AgentTestGuardApprovalsFile>$(MSBuildProjectDirectory)/obj/approvals.jsonl</AgentTestGuardApprovalsFile>", "its build reads '{project}/obj/approvals.jsonl' instead of the review file the package finds above the project", "points the build at another review file")]
    public async Task An_agent_switching_the_gate_off_in_MSBuild_is_offending_twice(string file, string property, string why, string what)
    {
        var (project, git) = fixture.NewRepository("verify-settings");
        project.WriteRootFile(file, $"<Project>\n  <PropertyGroup>\n    {property}\n  </PropertyGroup>\n</Project>\n");
        git.CommitAll("make CI green", author: Agent);

        var verdict = await AgtAsync(project, "verify", "--base", "main");

        Assert.True(verdict.ExitCode == 1, verdict.Output);
        var output = verdict.Output.ReplaceLineEndings("\n");
        var setAt = $" (set at {Path.Combine(project.Root, file)}(3))";
        Assert.Contains($"offending  {project.ProjectFile}: {why.Replace("{project}", project.Directory, StringComparison.Ordinal)}{setAt}\n", output, StringComparison.Ordinal);
        Assert.Contains($"offending  {file}(3): '{property}' {what}; changed in commit {Head(git)} by '{Agent}': {AgentWhy}\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_response_file_that_skips_the_package_is_an_offending_change_and_an_offending_setting()
    {
        var (project, git) = fixture.NewRepository("verify-rsp");
        var rsp = project.WriteRootFile("Directory.Build.rsp", "-p:AgentTestGuardSkip=true\n");
        git.CommitAll("faster builds", author: Agent);

        var verdict = await AgtAsync(project, "verify", "--base", "main");

        Assert.True(verdict.ExitCode == 1, verdict.Output);
        var output = verdict.Output.ReplaceLineEndings("\n");
        Assert.Contains(
            $"offending  Directory.Build.rsp(1): '-p:AgentTestGuardSkip=true' skips the package: no inventory, agent tests gate unrecognised; changed in commit {Head(git)} by '{Agent}': {AgentWhy}\n",
            output,
            StringComparison.Ordinal);
        Assert.Contains(
            $"offending  {project.ProjectFile}: AgentTestGuardSkip is true: the build makes no inventory, so its agent tests gate unrecognised (set at {rsp}(1))\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_test_project_without_the_package_beside_one_with_it_is_offending()
    {
        var (project, git) = fixture.NewRepository("verify-nopackage");
        var other = project.WriteRootFile("Shop.More.Tests/Shop.More.Tests.csproj", TestFrameworkProjects.ProjectFile(TestFramework.XunitV3));
        project.WriteRootFile("Shop.More.Tests/MoreTests.cs", "namespace Shop.More.Tests;\n\npublic class MoreTests\n{\n    [Xunit.Fact]\n    public void Passes() { }\n}\n");
        git.CommitAll("more tests", author: Agent);

        var verdict = await AgtAsync(project, "verify", "--base", "main");

        Assert.True(verdict.ExitCode == 1, verdict.Output);
        Assert.Contains(
            $"offending  {other}: it does not reference AgentTestGuard while 1 other test project(s) do: its agent tests would run ungoverned\n",
            verdict.Output.ReplaceLineEndings("\n"),
            StringComparison.Ordinal);
        Assert.Contains("error: 1 test project(s) are set up to escape the gate.", verdict.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_the_base_policy_exempts_may_turn_enforce_off_in_a_humans_commit_but_an_agent_cannot_exempt_itself()
    {
        var exempting = Build.Sources.Policy.Replace("\"agents\":", "\"exemptProjects\": [\"Shop.Tests/Shop.Tests.csproj\"],\n  \"agents\":", StringComparison.Ordinal);
        var (project, git) = fixture.NewRepository("verify-exempt", p => p.WriteRootFile("agenttestguard.policy.json", exempting));
        project.WriteRootFile("Directory.Build.props", "<Project>\n  <PropertyGroup>\n    <AgentTestGuardEnforce>false</AgentTestGuardEnforce>\n  </PropertyGroup>\n</Project>\n");
        git.CommitAll("the legacy suite reports only");

        var exempt = await AgtAsync(project, "verify", "--base", "main");
        Assert.True(exempt.ExitCode == 0, exempt.Output);
        Assert.Contains("1 approvals verified: each added in a commit by a human author; no untrusted change since main.", exempt.Output, StringComparison.Ordinal);

        // From a base without the exemption, the agent's own exemption does not count.
        var (selfExempt, selfGit) = fixture.NewRepository("verify-self-exempt");
        selfExempt.WriteRootFile("agenttestguard.policy.json", exempting);
        selfExempt.WriteRootFile("Directory.Build.props", "<Project>\n  <PropertyGroup>\n    <AgentTestGuardEnforce>false</AgentTestGuardEnforce>\n  </PropertyGroup>\n</Project>\n");
        selfGit.CommitAll("exempt the tests", author: Agent);

        var self = await AgtAsync(selfExempt, "verify", "--base", "main");

        Assert.True(self.ExitCode == 1, self.Output);
        var output = self.Output.ReplaceLineEndings("\n");
        Assert.Contains(
            $"offending  {selfExempt.ProjectFile}: AgentTestGuardEnforce is false: a run in CI passes while its agent tests are unreviewed (set at {Path.Combine(selfExempt.Root, "Directory.Build.props")}(3))\n",
            output,
            StringComparison.Ordinal);
        Assert.Contains($"offending  agenttestguard.policy.json: changed in commit {Head(selfGit)} by '{Agent}': {AgentWhy}\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tests_an_agent_untagged_or_wrote_untagged_are_named_with_file_and_line()
    {
        var (project, git) = fixture.NewRepository("verify-untagged");
        var sources = RunSources.Tests(TestFramework.XunitV3)
            .Replace("[Fact, AgentGenerated(\"copilot\"), AcceptanceCriteria(\"CART-12\")]", "[Fact]", StringComparison.Ordinal)
            .Replace("    private static void Check(", "    [Fact]\n    public void Agent_new_rule() => Check(\"FAIL_NEW\", \"new\");\n\n    private static void Check(", StringComparison.Ordinal);
        Assert.NotEqual(RunSources.Tests(TestFramework.XunitV3), sources);
        project.Write("CheckoutTests.cs", sources);
        git.CommitAll("tidy the tests\n\nCo-authored-by: Claude <noreply@anthropic.com>");
        var change = Head(git);

        var verdict = await AgtAsync(project, "verify", "--base", "main");

        Assert.True(verdict.ExitCode == 1, verdict.Output);
        var output = verdict.Output.ReplaceLineEndings("\n");
        const string By = "by its co-author 'Claude <noreply@anthropic.com>' ('noreply@anthropic.com' is a coding agent's address)";
        const string Tag = "tag it ([AgentGenerated(\"<agent>\")] or [AgentFact]) so that it is quarantined until a human approves it";
        Assert.Contains($"offending  Shop.Tests/CheckoutTests.cs({project.LineOf("CheckoutTests.cs", "public void Agent_discount")}): {Unapproved}: a test without an agent tag, changed in commit {change} {By}; {Tag}\n", output, StringComparison.Ordinal);
        Assert.Contains($"offending  Shop.Tests/CheckoutTests.cs({project.LineOf("CheckoutTests.cs", "public void Agent_new_rule")}): Shop.Tests.CheckoutTests.Agent_new_rule: a test without an agent tag, changed in commit {change} {By}; {Tag}\n", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Human_written_total", output, StringComparison.Ordinal);
        Assert.Contains("error: 2 test(s) an agent or a bot added or changed since main carry no agent tag.", output, StringComparison.Ordinal);
    }

    private static void RequireSignatures(TestProject project) =>
        project.WriteRootFile("agenttestguard.policy.json", Build.Sources.Policy.Replace("\"agents\":", SignedPolicyKey, StringComparison.Ordinal));

    private static string Ledger(TestProject project) => Path.Combine(project.Root, "agenttestguard.approvals.jsonl");

    private static string Head(GitRepository git) => git.Run("rev-parse", "HEAD").Trim()[..12];
}
