using AgentTestGuard.Approvals;
using AgentTestGuard.Assertions;
using AgentTestGuard.Inventory;
using AgentTestGuard.Tests.Shared;
using AgentTestGuard.Tool.Cli;
using AgentTestGuard.Tool.Commands;
using AgentTestGuard.Tool.Evidence;
using AgentTestGuard.Tool.Report.Sources;
using AgentTestGuard.Tool.Workspace;
using Xunit;
using static AgentTestGuard.Tool.Tests.Evidence.Runs;

namespace AgentTestGuard.Tool.Tests.Commands;

/// <summary>approve's decision on the evidence: its exit code, what it prints, and the ledger's exact bytes.</summary>
public sealed class ApproveEvidenceTests : IDisposable
{
    private const string Header =
        "// AgentTestGuard approvals: one line per approved agent test, bound to its fingerprint. Reviewed like code; see docs/files.md.\n";

    private const string Other = "Shop.Tests.CartTests.Other";

    private static readonly DateTimeOffset At = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    private readonly TempGitRepository _repository = TempGitRepository.Init();

    private string Ledger => _repository.PathOf("agenttestguard.approvals.jsonl");

    public void Dispose() => _repository.Dispose();

    [Fact]
    public void A_test_that_never_passed_is_refused_with_exit_code_5_and_nothing_is_written()
    {
        var (code, printed, errors) = Decide([Row(Test)], [Run(1, "r1", Result("failed"))], despite: null);

        Assert.Equal(5, code);
        Assert.Equal("", printed);
        Assert.Equal(
            $"error: refused: {Test}: no passing run at its current fingerprint (1 run, 1 attempt: 0 passed, 1 failed). To gate, it must pass at its current version, not flake, and be able to fail: run `dotnet test` and approve it once it passes.\n"
            + "error: Nothing was approved (1 of 1 test lacks evidence). To approve anyway, say why: dotnet agt approve ... --despite \"<reason>\" (the reason goes in the ledger line).\n",
            errors);
        Assert.False(File.Exists(Ledger));
    }

    [Fact]
    public void One_refused_test_stops_every_approval_of_the_command()
    {
        var (code, _, errors) = Decide(
            [Row(Test, new CannotFail(CannotFailReason.TrivialAssertion, "Xunit.Assert::True is given a constant that passes")), Row(Other)],
            [Run(1, "r1", Result("passed"), Result("passed") with { Test = Other }), Run(2, "r1", Result("failed"))],
            despite: null);

        Assert.Equal(5, code);
        Assert.Equal(
            $"error: refused: {Test}: flaky at its current fingerprint (2 runs, 2 attempts: 1 passed, 1 failed); cannot fail (AGT0020, trivial-assertion: Xunit.Assert::True is given a constant that passes). "
            + "To gate, it must pass at its current version, not flake, and be able to fail: make it deterministic, then check with `dotnet test --agt-reruns 5`; make it assert what it checks.\n"
            + "error: Nothing was approved (1 of 2 tests lack evidence). To approve anyway, say why: dotnet agt approve ... --despite \"<reason>\" (the reason goes in the ledger line).\n",
            errors);
        Assert.False(File.Exists(Ledger));
    }

    [Fact]
    public void A_test_with_its_evidence_is_approved_with_the_evidence_shown_and_a_plain_ledger_line()
    {
        var (code, printed, errors) = Decide([Row(Test)], [Run(1, "r1", Result("failed")), Run(2, "r2", Result("passed", reruns: ["passed"]))], despite: null);

        Assert.Equal(0, code);
        Assert.Equal("", errors);
        Assert.Equal(
            $"approved  {Test}  (was quarantined; fingerprint v2:ccccccccc)\n"
            + "          runs      2 runs, 3 attempts: 1 passed, 1 failed; not flaky; can fail\n"
            + "          criteria  CART-12  The cart total includes the region's tax.\n"
            + "                    SHOP-\\u001B[2J7  (not in the catalog)\n"
            + $"by {GitRepository.Human} in {Ledger}; commit the ledger to share it.\n",
            printed);
        Assert.Equal(
            Header + $$"""{"assembly":"Shop.Tests","test":"{{Test}}","fingerprint":"{{Current}}","approver":"{{GitRepository.Human}}","at":"2026-12-02T10:00:00Z","note":"read it"}""" + "\n",
            File.ReadAllText(Ledger));
    }

    [Fact]
    public void Despite_approves_and_the_line_says_why_and_what_was_overridden_while_other_lines_keep_their_bytes()
    {
        var kept = "// kept\r\n" + $$"""{"assembly":"Shop.Tests","test":"A.First","fingerprint":"{{Older}}","approver":"Sam Roe <sam@example.com>","at":"2026-01-31T09:30:00Z"}""" + "\r\n";
        File.WriteAllText(Ledger, Header.Replace("\n", "\r\n", StringComparison.Ordinal) + kept);

        var (code, printed, errors) = Decide([Row(Test), Row(Other)], [Run(1, "r1", Result("passed") with { Test = Other })], despite: "  fails until CART-12 ships\u001b[2J  ");

        Assert.Equal(0, code);
        Assert.Equal("", errors);
        Assert.Contains(
            $"approved  {Test}  (was quarantined; fingerprint v2:ccccccccc)\n"
            + "          runs      no run at this fingerprint; not known; can fail\n"
            + "          criteria  CART-12  The cart total includes the region's tax.\n"
            + "                    SHOP-\\u001B[2J7  (not in the catalog)\n"
            + "          despite   fails until CART-12 ships\\u001B[2J (overrode: noPassingRun)\n"
            + $"approved  {Other}  (was quarantined; fingerprint v2:ccccccccc)\n"
            + "          runs      1 run, 1 attempt: 1 passed, 0 failed; not flaky, never rerun (dotnet test --agt-reruns 5 looks for flakiness); can fail\n",
            printed,
            StringComparison.Ordinal);
        Assert.Equal(
            Header.Replace("\n", "\r\n", StringComparison.Ordinal) + kept
            + $$"""{"assembly":"Shop.Tests","test":"{{Other}}","fingerprint":"{{Current}}","approver":"{{GitRepository.Human}}","at":"2026-12-02T10:00:00Z","note":"read it"}""" + "\r\n"
            + $$"""{"assembly":"Shop.Tests","test":"{{Test}}","fingerprint":"{{Current}}","approver":"{{GitRepository.Human}}","at":"2026-12-02T10:00:00Z","note":"read it","despite":"fails until CART-12 ships\u001B[2J","overrode":["noPassingRun"]}""" + "\r\n",
            File.ReadAllText(Ledger));
    }

    private (int Code, string Printed, string Errors) Decide(IReadOnlyList<AgentTestRow> rows, IReadOnlyList<RunRecordDetails> runs, string? despite)
    {
        var catalog = _repository.Write("agenttestguard.criteria.json", """{ "criteria": [ { "id": "CART-12", "text": "The cart total includes the region's tax." } ] }""");
        var sources = new EvidenceSources(runs, Configuration.CriteriaCatalog.Load(catalog, out _));
        using var standard = new StringWriter();
        using var error = new StringWriter();
        var request = new ApproveCommand.Request([Test], "read it", GitRepository.Human, despite, []);
        var code = ApproveCommand.Decide(rows, _repository.Root, sources, request, At, new Output(standard, error, colour: false));
        return (code, standard.ToString().ReplaceLineEndings("\n"), error.ToString().ReplaceLineEndings("\n"));
    }

    private AgentTestRow Row(string id, CannotFail? cannotFail = null) => new(
        new TestProject(_repository.PathOf("Shop.Tests.csproj"), "Shop.Tests", [new("net10.0", _repository.PathOf("obj/Shop.Tests.agenttests.json"))], Ledger, null, []),
        new AgentTest(id, "Shop.Tests.CartTests", id[(id.LastIndexOf('.') + 1)..], "copilot", AgentEvidence.None, ["CART-12", "SHOP-\u001b[2J7"], Current, Source: null) { CannotFail = cannotFail },
        ApprovalState.Unapproved,
        Rejected: false);
}
