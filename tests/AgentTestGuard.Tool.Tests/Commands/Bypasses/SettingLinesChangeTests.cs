using AgentTestGuard.Tests.Shared;
using AgentTestGuard.Tool.Commands.Verify;
using AgentTestGuard.Tool.Git;
using Xunit;

namespace AgentTestGuard.Tool.Tests.Commands.Bypasses;

/// <summary>
/// CI scripts and pipelines can turn reruns, enforce mode or the environment off where no project
/// evaluation sees it: verify --base names each such line an untrusted commit added or removed.
/// </summary>
public sealed class SettingLinesChangeTests
{
    private const string Agent = "Copilot <198982749+Copilot@users.noreply.github.com>";

    [Fact]
    public void An_agent_turning_reruns_enforce_mode_or_the_environment_off_in_CI_files_is_named_by_file_and_line_a_humans_change_is_not()
    {
        using var repository = TempGitRepository.Init();
        repository.Write("azure-pipelines.yml", "steps:\n  - script: dotnet test\n");
        var trustedBase = BaseWithCiScript(repository, "#!/bin/sh\nset -e\ndotnet test -- --agt-reruns 5\n");

        repository.Write(".ci/run", "#!/bin/sh\nset -e\ndotnet test -- --agt-reruns 0\n");
        Directory.CreateDirectory(repository.PathOf(".github/workflows"));
        repository.Write(".github/workflows/ci.yml", "on: pull_request\njobs:\n  test:\n    env:\n      AgentTestGuardRerunBudget: 0\n      AGENTTESTGUARD_ENVIRONMENT: local\n");
        repository.Write("azure-pipelines.yml", "steps:\n  - script: dotnet test -- --agt-enforce false\n");
        repository.Write("build.sh", "# faster\nexport AgentTestGuardEnforce=false\n");
        repository.Write("NuGet.Config", "<configuration>\n  <packageSources>\n    <add key=\"local\" value=\"packages\" />\n  </packageSources>\n</configuration>\n");
        var agents = repository.CommitAll("make CI green", author: Agent);
        Directory.CreateDirectory(repository.PathOf("scripts"));
        repository.Write("scripts/local.ps1", "dotnet test -- --agt-reruns 0\n");
        repository.CommitAll("a quick local run");

        var (offences, checkProblem) = ProtectedChangeCheck.Check(trustedBase, null, []);

        Assert.Null(checkProblem);
        var by = $"changed in commit {agents[..12]} by '{Agent}': it is the GitHub address of the agent app 'Copilot'";
        Assert.Equal(
            [
                new(".ci/run(3)", $"'dotnet test -- --agt-reruns 0' sets reruns to 0: a failed test is not rerun, so a flaky test passes for a plain failure; {by}"),
                new(".ci/run(3)", $"removes the line 'dotnet test -- --agt-reruns 5'; {by}"),
                new(".github/workflows/ci.yml(5)", $"'AgentTestGuardRerunBudget: 0' sets the rerun budget to 0: no failed test is rerun, so flakiness goes unseen; {by}"),
                new(".github/workflows/ci.yml(6)", $"'AGENTTESTGUARD_ENVIRONMENT: local' names the environment the policy's environments are judged by; {by}"),
                new("NuGet.Config", $"changes the package sources, one of which could serve a forged AgentTestGuard; {by}"),
                new("azure-pipelines.yml(2)", $"'- script: dotnet test -- --agt-enforce false' turns enforce mode off: a run in CI passes while agent tests are unreviewed; {by}"),
                new("build.sh(2)", $"'export AgentTestGuardEnforce=false' turns enforce mode off: a run in CI passes while agent tests are unreviewed; {by}"),
            ],
            offences!.OrderBy(o => o.File, StringComparer.Ordinal).ThenBy(o => o.Why, StringComparer.Ordinal));
    }

    [Fact]
    public void A_line_an_agent_slips_into_a_merges_conflict_resolution_is_named_by_its_line_in_the_merge()
    {
        using var repository = TempGitRepository.Init();
        var trustedBase = BaseWithCiScript(repository, "#!/bin/sh\nset -e\ndotnet build\ndotnet test\n");
        repository.Write(".ci/run", "#!/bin/sh\nset -e\ndotnet build -c Release\ndotnet test\n");
        repository.CommitAll("release build");
        repository.Run("checkout", "-q", "-b", "other", "main");
        repository.Write(".ci/run", "#!/bin/sh\nset -e\ndotnet build -warnaserror\ndotnet test\n");
        repository.CommitAll("warnings are errors");
        repository.Run("checkout", "-q", "change");
        try
        {
            repository.Run("merge", "-q", "other");
        }
        catch (InvalidOperationException)
        {
            // the conflict on line 3, resolved below
        }

        repository.Write(".ci/run", "#!/bin/sh\nset -e\ndotnet build -c Release -warnaserror\ndotnet test -- --agt-reruns 0\n");
        var merge = repository.CommitAll("merge other", author: Agent);

        var (offences, checkProblem) = ProtectedChangeCheck.Check(trustedBase, null, []);

        Assert.Null(checkProblem);
        var by = $"changed in commit {merge[..12]} by '{Agent}': it is the GitHub address of the agent app 'Copilot'";
        Assert.Equal(
            [new(".ci/run(4)", $"'dotnet test -- --agt-reruns 0' sets reruns to 0: a failed test is not rerun, so a flaky test passes for a plain failure; {by}")],
            offences);
    }

    [Theory]
    [InlineData("<AgentTestGuardReruns>0</AgentTestGuardReruns>", "sets reruns to 0: a failed test is not rerun, so a flaky test passes for a plain failure")]
    [InlineData("-p:AgentTestGuardRerunBudget=0", "sets the rerun budget to 0: no failed test is rerun, so flakiness goes unseen")]
    [InlineData("dotnet test -- --agt-rerun-budget 0", "sets the rerun budget to 0: no failed test is rerun, so flakiness goes unseen")]
    [InlineData("<AgentTestGuardIncidentsFile>obj/i.jsonl</AgentTestGuardIncidentsFile>", "points the build at another review file")]
    [InlineData("<DesignTimeBuild>true</DesignTimeBuild>", "sets a switch only the package and dotnet agt may set")]
    [InlineData("<TestingPlatformBuilderHook Remove=\"@(TestingPlatformBuilderHook)\" />", "changes the platform's extensions, AgentTestGuard's among them")]
    [InlineData("dotnet test -- --agt-reruns 10", "changes AgentTestGuard's settings")]
    public void A_line_is_described_by_what_it_does(string line, string what)
    {
        Assert.True(SettingLines.Matches(line));
        Assert.Equal($"'{line}' {what}", SettingLines.Describe(line, added: true));
    }

    [Theory]
    [InlineData("dotnet test --no-build")]
    [InlineData("<Reruns>0</Reruns>")]
    public void A_line_not_about_the_gate_does_not_count(string line) => Assert.False(SettingLines.Matches(line));

    /// <summary>Commits .ci/run (and whatever else is written) on main, then starts the branch "change".</summary>
    private static BaseRevision BaseWithCiScript(TempGitRepository repository, string script)
    {
        Directory.CreateDirectory(repository.PathOf(".ci"));
        repository.Write(".ci/run", script);
        repository.CommitAll("CI");
        var (trustedBase, problem) = BaseRevision.Resolve(repository.Root, "main");
        Assert.Null(problem);
        repository.Run("checkout", "-q", "-b", "change");
        return trustedBase!;
    }
}
