using AgentTestGuard.Approvals;
using AgentTestGuard.Core.Tests.Configuration;
using Xunit;

namespace AgentTestGuard.Core.Tests.Approvals;

/// <summary>The ledger's <c>despite</c> and <c>overrode</c>: written only when evidence was overridden, read back, and checked with positions.</summary>
public sealed class ApprovalLedgerDespiteTests
{
    private const string Header =
        "// AgentTestGuard approvals: one line per approved agent test, bound to its fingerprint. Reviewed like code; see docs/files.md.\n";

    private const string Plain = """{"assembly":"Shop.Tests","test":"A.T.Plain","fingerprint":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","approver":"Sam Roe <sam@example.com>","at":"2026-01-31T09:30:00Z","note":"ok"}""";

    private const string Start = """{"assembly":"A","test":"A.T.M","fingerprint":"00000000000000000000000000000000","approver":"D <d@example.com>","at":"2026-01-31T09:30:00Z",""";

    private static readonly DateTimeOffset Noon = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_approval_despite_missing_evidence_is_written_after_the_note_and_other_lines_keep_their_bytes()
    {
        using var file = new TempFile("agenttestguard.approvals.jsonl", Header.Replace("\n", "\r\n") + "// kept\r\n" + Plain + "\r\n");
        var approval = new Approval("Shop.Tests", "A.T.Zed", new string('b', 32), "Dana Lee <dana@example.com>", Noon, "read it")
        {
            Despite = "fails until CART-13 ships \"today\"",
            Overrode = [MissingEvidence.NoPassingRun, MissingEvidence.CannotFail],
        };

        Assert.True(ApprovalLedger.Update(file.Path, current => [.. current, approval], out var diagnostics));

        Assert.Empty(diagnostics);
        Assert.Equal(
            Header.Replace("\n", "\r\n") + "// kept\r\n" + Plain + "\r\n"
            + """{"assembly":"Shop.Tests","test":"A.T.Zed","fingerprint":"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb","approver":"Dana Lee <dana@example.com>","at":"2026-11-24T12:00:00Z","note":"read it","despite":"fails until CART-13 ships \"today\"","overrode":["noPassingRun","cannotFail"]}""" + "\r\n",
            File.ReadAllText(file.Path));
        var read = ApprovalLedger.Load(file.Path, out _)!;
        Assert.Null(read[0].Despite);
        Assert.Empty(read[0].Overrode);
        Assert.Equal("fails until CART-13 ships \"today\"", read[1].Despite);
        Assert.Equal(["noPassingRun", "cannotFail"], read[1].Overrode);
    }

    [Fact]
    public void An_approval_that_overrode_nothing_has_neither_field()
    {
        var approval = new Approval("A", "A.T.M", new string('0', 32), "D <d@example.com>", Noon) { Despite = "no reason needed" };

        Assert.Equal(Header + """{"assembly":"A","test":"A.T.M","fingerprint":"00000000000000000000000000000000","approver":"D <d@example.com>","at":"2026-11-24T12:00:00Z"}""" + "\n", ApprovalLedger.Serialize([approval]));
    }

    [Theory]
    [InlineData("\"despite\":\"red on purpose\"}", 140, "'despite' needs 'overrode'")]
    [InlineData("\"overrode\":[\"flaky\"]}", 140, "'overrode' needs 'despite'")]
    [InlineData("\"despite\":\"  \",\"overrode\":[\"flaky\"]}", 150, "Expected 'despite' to be a non-empty string.")]
    [InlineData("\"despite\":\"r\",\"overrode\":\"flaky\"}", 165, "Expected 'overrode' to be a JSON array.")]
    [InlineData("\"despite\":\"r\",\"overrode\":[]}", 165, "'overrode' is empty")]
    [InlineData("\"despite\":\"r\",\"overrode\":[\"flaky\",\"slow\"]}", 174, "'overrode' lists 'slow'; expected some of: noPassingRun, flaky, cannotFail.")]
    [InlineData("\"despite\":\"r\",\"overrode\":[\"flaky\",\"flaky\"]}", 174, "'overrode' lists 'flaky' twice.")]
    [InlineData("\"despite\":\"r\",\"overrode\":[1]}", 166, "'overrode' lists 1;")]
    public void Malformed_fields_are_reported_at_their_position(string rest, int column, string message)
    {
        using var file = new TempFile("a.jsonl", "// header\n" + Start + rest + "\n");

        Assert.Null(ApprovalLedger.Load(file.Path, out var diagnostics));

        var error = Assert.Single(diagnostics);
        Assert.Equal(("AGT0013", file.Path, 2, column), (error.Code, error.File, error.Line, error.Column));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
