using AgentTestGuard.Approvals;
using AgentTestGuard.Core.Tests.Configuration;
using Xunit;

namespace AgentTestGuard.Core.Tests.Approvals;

public sealed class ApprovalLedgerUpdateTests
{
    private const string Header =
        "// AgentTestGuard approvals: one line per approved agent test, bound to its fingerprint. Reviewed like code; see docs/files.md.\n";

    private static readonly DateTimeOffset Noon = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_missing_ledger_is_created_with_the_new_approval()
    {
        using var folder = new TempFile("unused", "");
        var path = Path.Combine(Path.GetDirectoryName(folder.Path)!, "agenttestguard.approvals.jsonl");
        IReadOnlyList<Approval>? seen = null;

        var written = ApprovalLedger.Update(path, current =>
        {
            seen = current;
            return [.. current, Approve("A.T.M", 'a')];
        }, out var diagnostics);

        Assert.True(written);
        Assert.Empty(diagnostics);
        Assert.Empty(seen!);
        Assert.Equal(
            Header + """{"assembly":"Shop.Tests","test":"A.T.M","fingerprint":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","approver":"Dana Lee <dana@example.com>","at":"2026-11-24T12:00:00Z"}""" + "\n",
            File.ReadAllText(path));
        Assert.False(File.Exists(path + ".lock"));
    }

    [Fact]
    public void Unrelated_lines_survive_unchanged_and_the_new_one_takes_its_sorted_place()
    {
        var first = """{"assembly":"Shop.Tests","test":"A.T.First","fingerprint":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","approver":"Sam Roe <sam@example.com>","at":"2026-01-31T09:30:00Z","note":"ok, \"tax\" too"}""";
        var last = """{"assembly":"Shop.Tests","test":"A.T.Zed","fingerprint":"cccccccccccccccccccccccccccccccc","approver":"Sam Roe <sam@example.com>","at":"2026-01-31T09:31:00Z"}""";
        using var file = new TempFile("agenttestguard.approvals.jsonl", Header + first + "\n" + last + "\n");

        var written = ApprovalLedger.Update(file.Path, current => [.. current, Approve("A.T.Middle", 'b')], out var diagnostics);

        Assert.True(written);
        Assert.Empty(diagnostics);
        Assert.Equal(
            Header + first + "\n" +
            """{"assembly":"Shop.Tests","test":"A.T.Middle","fingerprint":"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb","approver":"Dana Lee <dana@example.com>","at":"2026-11-24T12:00:00Z"}""" + "\n" +
            last + "\n",
            File.ReadAllText(file.Path));
    }

    [Fact]
    public void The_change_can_replace_and_remove_approvals()
    {
        using var file = new TempFile("agenttestguard.approvals.jsonl", "");
        ApprovalLedger.Write(file.Path, [Approve("A.T.Gone", 'a'), Approve("A.T.Stale", 'b')]);

        var written = ApprovalLedger.Update(
            file.Path,
            current => current.Where(a => a.Test != "A.T.Gone").Select(a => a with { Fingerprint = new string('d', 32) }),
            out var diagnostics);

        Assert.True(written);
        Assert.Empty(diagnostics);
        var approval = Assert.Single(ApprovalLedger.Load(file.Path, out _)!);
        Assert.Equal(("A.T.Stale", new string('d', 32)), (approval.Test, approval.Fingerprint));
    }

    [Theory]
    [InlineData("{\"assembly\":", "AGT0013")]
    [InlineData("{\"assembly\":\"A\",\"test\":\"A.T.M\",\"fingerprint\":\"00000000000000000000000000000000\",\"approver\":\"D <d@example.com>\",\"at\":\"2026-01-31T09:30:00Z\",\"notes\":\"typo\"}", "AGT0008")]
    public void A_ledger_with_findings_is_not_touched_and_the_change_not_asked(string line, string code)
    {
        var content = "// mine\n" + line + "\n";
        using var file = new TempFile("agenttestguard.approvals.jsonl", content);
        var asked = false;

        var written = ApprovalLedger.Update(file.Path, current =>
        {
            asked = true;
            return current;
        }, out var diagnostics);

        Assert.False(written);
        Assert.False(asked);
        var finding = Assert.Single(diagnostics);
        Assert.Equal((code, file.Path, 2), (finding.Code, finding.File, finding.Line));
        Assert.Equal(content, File.ReadAllText(file.Path));
        Assert.False(File.Exists(file.Path + ".lock"));
    }

    [Fact]
    public void A_change_that_approves_a_test_twice_writes_nothing()
    {
        using var file = new TempFile("agenttestguard.approvals.jsonl", Header);

        var error = Assert.Throws<InvalidOperationException>(() =>
            ApprovalLedger.Update(file.Path, current => [Approve("A.T.M", 'a'), Approve("A.T.M", 'b')], out _));

        Assert.Equal("The change approves 'A.T.M' of 'Shop.Tests' twice; nothing was written.", error.Message);
        Assert.Equal(Header, File.ReadAllText(file.Path));
    }

    [Fact]
    public void An_update_waits_for_the_lock_and_times_out_naming_it()
    {
        using var file = new TempFile("agenttestguard.approvals.jsonl", Header);
        using var held = AgentTestGuard.FileSystem.FileLock.Acquire(file.Path, TimeSpan.Zero);

        var error = Assert.Throws<AgentTestGuard.FileSystem.FileLockTimeoutException>(() =>
            ApprovalLedger.Update(file.Path, current => [Approve("A.T.M", 'a')], out _, TimeSpan.FromMilliseconds(100)));

        Assert.Equal(file.Path + ".lock", error.LockPath);
        Assert.Equal(Header, File.ReadAllText(file.Path));
    }

    [Fact]
    public async Task Two_commands_approving_at_once_keep_all_their_lines()
    {
        using var file = new TempFile("agenttestguard.approvals.jsonl", Header);
        var token = TestContext.Current.CancellationToken;

        void Approve20(string prefix)
        {
            for (var i = 0; i < 20; i++)
            {
                var test = $"{prefix}.T.M{i:D2}";
                Assert.True(ApprovalLedger.Update(file.Path, current => [.. current, Approve(test, 'e')], out _, TimeSpan.FromSeconds(60)));
            }
        }

        await Task.WhenAll(
            Task.Factory.StartNew(() => Approve20("A"), token, TaskCreationOptions.LongRunning, TaskScheduler.Default),
            Task.Factory.StartNew(() => Approve20("B"), token, TaskCreationOptions.LongRunning, TaskScheduler.Default));

        var approvals = ApprovalLedger.Load(file.Path, out var diagnostics)!;
        Assert.Empty(diagnostics);
        Assert.Equal(
            Enumerable.Range(0, 20).Select(i => $"A.T.M{i:D2}").Concat(Enumerable.Range(0, 20).Select(i => $"B.T.M{i:D2}")),
            approvals.Select(a => a.Test));
        Assert.Equal(41, File.ReadAllLines(file.Path).Length);
    }

    private static Approval Approve(string test, char fingerprint) =>
        new("Shop.Tests", test, new string(fingerprint, 32), "Dana Lee <dana@example.com>", Noon);
}
