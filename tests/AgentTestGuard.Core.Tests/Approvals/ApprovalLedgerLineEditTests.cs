using System.Text;
using AgentTestGuard.Approvals;
using AgentTestGuard.Core.Tests.Configuration;
using AgentTestGuard.Incidents;
using Xunit;

namespace AgentTestGuard.Core.Tests.Approvals;

/// <summary>
/// An approval, a rejection or an incident changes only its own lines: every other byte of the file
/// stays, so `git blame` keeps crediting each line to the commit that wrote it (issue 30, attack 6).
/// </summary>
public sealed class ApprovalLedgerLineEditTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    // Spaced unlike the tool writes it, as an agent's hand-written line would be.
    private const string Spaced =
        """{ "assembly": "Shop.Tests", "test": "A.T.Middle", "fingerprint": "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "approver": "Sam Roe <sam@example.com>", "at": "2026-01-31T09:30:00Z" }""";

    private const string First =
        """{"assembly":"Shop.Tests","test":"A.T.First","fingerprint":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","approver":"Sam Roe <sam@example.com>","at":"2026-01-31T09:30:00Z"}""";

    private const string Last =
        """{"assembly":"Shop.Tests","test":"A.T.Zed","fingerprint":"cccccccccccccccccccccccccccccccc","approver":"Sam Roe <sam@example.com>","at":"2026-01-31T09:31:00Z"}""";

    private const string Gap =
        """{"assembly":"Shop.Tests","test":"A.T.Gap","fingerprint":"dddddddddddddddddddddddddddddddd","approver":"Dana Lee <dana@example.com>","at":"2026-11-24T12:00:00Z"}""";

    [Fact]
    public void An_approval_in_a_sorted_ledger_adds_its_line_at_its_place_and_keeps_every_other_byte()
    {
        var before = "\uFEFF// ours\r\n" + First + "\r\n// about Middle\r\n" + Spaced + "\r\n\r\n" + Last + "\r\n";

        var after = Approve(before, "A.T.Gap");

        Assert.Equal("\uFEFF// ours\r\n" + First + "\r\n" + Gap + "\r\n// about Middle\r\n" + Spaced + "\r\n\r\n" + Last + "\r\n", after);
    }

    [Fact]
    public void An_approval_in_a_ledger_a_union_merge_left_unsorted_goes_at_the_end()
    {
        var before = "// ours\n" + Last + "\n" + First + "\n" + Spaced + "\n";

        var after = Approve(before, "A.T.Gap");

        Assert.Equal(before + Gap + "\n", after);
    }

    [Fact]
    public void Approving_a_test_again_replaces_its_line_where_it_stands()
    {
        var before = "// ours\r\n" + Last + "\r\n" + Spaced + "\r\n" + First;

        var after = Approve(before, "A.T.Middle");

        Assert.Equal(
            "// ours\r\n" + Last + "\r\n" +
            """{"assembly":"Shop.Tests","test":"A.T.Middle","fingerprint":"dddddddddddddddddddddddddddddddd","approver":"Dana Lee <dana@example.com>","at":"2026-11-24T12:00:00Z"}""" + "\r\n" +
            First,
            after);
    }

    [Fact]
    public void A_last_line_without_an_ending_gets_one_when_a_line_follows_it()
    {
        var before = "// ours\n" + First;

        var after = Approve(before, "A.T.Zz");

        Assert.Equal("// ours\n" + First + "\n" + Gap.Replace("A.T.Gap", "A.T.Zz", StringComparison.Ordinal) + "\n", after);
    }

    [Fact]
    public void A_withdrawn_approval_loses_its_line_and_nothing_else()
    {
        var before = "\uFEFF// ours\r\n" + Last + "\r\n" + Spaced + "\r\n//tail";
        using var file = new TempFile("agenttestguard.approvals.jsonl", "");
        File.WriteAllBytes(file.Path, Encoding.UTF8.GetBytes(before));

        Assert.True(ApprovalLedger.Update(file.Path, current => current.Where(a => a.Test != "A.T.Zed"), out var diagnostics));

        Assert.Empty(diagnostics);
        Assert.Equal("\uFEFF// ours\r\n" + Spaced + "\r\n//tail", Encoding.UTF8.GetString(File.ReadAllBytes(file.Path)));
    }

    [Fact]
    public void A_change_that_changes_nothing_leaves_the_file_untouched()
    {
        var before = "// ours\n" + Spaced + "\n";
        using var file = new TempFile("agenttestguard.approvals.jsonl", before);
        var written = File.GetLastWriteTimeUtc(file.Path).AddMinutes(-5);
        File.SetLastWriteTimeUtc(file.Path, written);

        Assert.True(ApprovalLedger.Update(file.Path, current => current, out _));

        Assert.Equal(before, File.ReadAllText(file.Path));
        Assert.Equal(written, File.GetLastWriteTimeUtc(file.Path));
    }

    [Fact]
    public void An_incident_is_added_at_the_end_of_a_log_and_every_other_byte_stays()
    {
        const string Old =
            """{ "kind": "mistake", "agent": "copilot", "by": "Sam Roe <sam@example.com>", "at": "2026-01-31T09:30:00Z", "reason": "one" }""";
        var before = "\uFEFF// ours\r\n" + Old + "\r\n// kept\r\n";
        using var file = new TempFile("agenttestguard.incidents.jsonl", "");
        File.WriteAllBytes(file.Path, Encoding.UTF8.GetBytes(before));
        var incident = new Incident(IncidentKind.Mistake, null, null, null, "copilot", "Dana Lee <dana@example.com>", Noon, "two");

        Assert.True(IncidentLog.Update(file.Path, current => current.Append(incident), out var diagnostics));

        Assert.Empty(diagnostics);
        Assert.Equal(
            before.Replace("\r\n// kept", "\r\n" + """{"kind":"mistake","agent":"copilot","by":"Dana Lee <dana@example.com>","at":"2026-11-24T12:00:00Z","reason":"two"}""" + "\r\n// kept", StringComparison.Ordinal),
            Encoding.UTF8.GetString(File.ReadAllBytes(file.Path)));
    }

    [Fact]
    public void The_temporary_and_lock_files_a_killed_command_left_are_removed_by_the_next_write()
    {
        var before = "// ours\n" + Spaced + "\n";
        using var file = new TempFile("agenttestguard.approvals.jsonl", before);
        var folder = Path.GetDirectoryName(file.Path)!;
        var temporary = Path.Combine(folder, ".agenttestguard.approvals.jsonl.0123456789abcdef0123456789abcdef.tmp");
        var unrelated = Path.Combine(folder, ".agenttestguard.incidents.jsonl.0123456789abcdef0123456789abcdef.tmp");
        File.WriteAllText(temporary, "half a ledger");
        File.WriteAllText(unrelated, "another file's");
        File.WriteAllText(file.Path + ".lock", "");

        Assert.True(ApprovalLedger.Update(file.Path, current => current, out _, TimeSpan.FromSeconds(1)));

        Assert.Equal(
            ["agenttestguard.approvals.jsonl", ".agenttestguard.incidents.jsonl.0123456789abcdef0123456789abcdef.tmp"],
            Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).Reverse());
        Assert.Equal(before, File.ReadAllText(file.Path));
    }

    private static string Approve(string before, string test)
    {
        using var file = new TempFile("agenttestguard.approvals.jsonl", "");
        File.WriteAllBytes(file.Path, Encoding.UTF8.GetBytes(before));
        var approval = new Approval("Shop.Tests", test, new string('d', 32), "Dana Lee <dana@example.com>", Noon);

        var written = ApprovalLedger.Update(file.Path, current => current.Where(a => a.Test != test).Append(approval), out var diagnostics);

        Assert.True(written);
        Assert.Empty(diagnostics);
        Assert.False(File.Exists(file.Path + ".lock"));
        return Encoding.UTF8.GetString(File.ReadAllBytes(file.Path));
    }
}
