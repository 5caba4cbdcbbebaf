using AgentTestGuard.Tests.Shared;
using AgentTestGuard.Tool.Commands.Verify;
using AgentTestGuard.Tool.Git;
using Xunit;

namespace AgentTestGuard.Tool.Tests.Commands;

/// <summary>
/// The stop-rule decisions file is in the repository, where the stopped agent can edit it: verify
/// --base protects it like the ledger, wherever a copy of it is.
/// </summary>
public sealed class ProtectedDecisionsTests
{
    private const string Agent = "Copilot <198982749+Copilot@users.noreply.github.com>";
    private const string Decisions = "agenttestguard.decisions.jsonl";
    private const string Stop = """{"decision":"stop","agent":"copilot","by":"Dana Lee <dana@example.com>","at":"2026-11-24T12:00:00Z","reason":"too much triage"}""";

    [Fact]
    public void An_agent_deleting_its_stop_line_or_shadowing_the_file_is_offending_a_humans_decision_is_not()
    {
        using var repository = TempGitRepository.Init();
        repository.Write(Decisions, "// decisions\n" + Stop + "\n");
        repository.Write("README.md", "shop\n");
        repository.CommitAll("stop copilot");
        var (trustedBase, problem) = BaseRevision.Resolve(repository.Root, "main");
        Assert.Null(problem);
        repository.Run("checkout", "-q", "-b", "change");

        repository.Write(Decisions, "// decisions\n");
        Directory.CreateDirectory(repository.PathOf("tests"));
        repository.Write("tests/" + Decisions, "");
        var agents = repository.CommitAll("tidy up", author: Agent);
        repository.Write("README.md", "shop, by a human\n");
        repository.Write(Decisions, "// decisions\n" + Stop + "\n");
        repository.CommitAll("restore the stop");

        var (offences, checkProblem) = ProtectedChangeCheck.Check(trustedBase!, null, []);

        Assert.Null(checkProblem);
        var why = $"changed in commit {agents[..12]} by '{Agent}': it is the GitHub address of the agent app 'Copilot'";
        Assert.Equal(
            [new ProtectedChangeCheck.Offence(Decisions, why), new ProtectedChangeCheck.Offence("tests/" + Decisions, why)],
            offences!.OrderBy(o => o.File, StringComparer.Ordinal));
    }
}
