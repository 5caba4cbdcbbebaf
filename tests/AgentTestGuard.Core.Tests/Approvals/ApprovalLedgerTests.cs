using AgentTestGuard.Approvals;
using AgentTestGuard.Core.Tests.Configuration;
using Xunit;

namespace AgentTestGuard.Core.Tests.Approvals;

public sealed class ApprovalLedgerTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Writes_one_sorted_line_per_approval_and_reads_it_back()
    {
        using var file = new TempFile("agenttestguard.approvals.jsonl", "");
        Approval[] approvals =
        [
            new("Shop.Tests", "Shop.Tests.B.Second", new string('b', 32), "Dana Lee <dana@example.com>", Noon, "checked against CART-12 \"tax\""),
            new("Other.Tests", "Other.Tests.Z.Last", new string('c', 32), "Sam Roe <sam@example.com>", Noon.AddMinutes(5)),
            new("Shop.Tests", "Shop.Tests.A.First", new string('a', 32), "Dana Lee <dana@example.com>", Noon),
        ];

        ApprovalLedger.Write(file.Path, approvals);

        Assert.Equal(
            "// AgentTestGuard approvals: one line per approved agent test, bound to its fingerprint. Reviewed like code; see docs/files.md.\n" +
            """{"assembly":"Other.Tests","test":"Other.Tests.Z.Last","fingerprint":"cccccccccccccccccccccccccccccccc","approver":"Sam Roe <sam@example.com>","at":"2026-11-24T12:05:00Z"}""" + "\n" +
            """{"assembly":"Shop.Tests","test":"Shop.Tests.A.First","fingerprint":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","approver":"Dana Lee <dana@example.com>","at":"2026-11-24T12:00:00Z"}""" + "\n" +
            """{"assembly":"Shop.Tests","test":"Shop.Tests.B.Second","fingerprint":"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb","approver":"Dana Lee <dana@example.com>","at":"2026-11-24T12:00:00Z","note":"checked against CART-12 \"tax\""}""" + "\n",
            File.ReadAllText(file.Path));
        var read = ApprovalLedger.Load(file.Path, out var diagnostics);
        Assert.Empty(diagnostics);
        Assert.Equal(
            approvals.OrderBy(a => a.Assembly, StringComparer.Ordinal).ThenBy(a => a.Test, StringComparer.Ordinal),
            read!.Select(a => a with { Line = 0 }));
        Assert.Equal([2, 3, 4], read!.Select(a => a.Line));
    }

    [Fact]
    public void Blank_lines_and_comments_are_ignored()
    {
        using var file = new TempFile("a.jsonl", "\n// reviewed\r\n   \n{\"assembly\":\"A\",\"test\":\"A.T.M\",\"fingerprint\":\"" + new string('0', 32) + "\",\"approver\":\"Dana <d@example.com>\",\"at\":\"2026-01-31T09:30:00Z\"}\r\n");

        var approval = Assert.Single(ApprovalLedger.Load(file.Path, out var diagnostics)!);

        Assert.Empty(diagnostics);
        Assert.Equal(4, approval.Line);
    }

    [Theory]
    [InlineData("{\"assembly\":\"A\",\"test\":\"A.T.M\",", 2, 31, "Not valid JSON")]
    [InlineData("[1]", 2, 1, "Expected each line to be a JSON object.")]
    [InlineData("{\"test\":\"A.T.M\",\"fingerprint\":\"00000000000000000000000000000000\",\"approver\":\"D <d@example.com>\",\"at\":\"2026-01-31T09:30:00Z\"}", 2, 1, "'assembly' is missing")]
    [InlineData("{\"assembly\":\"A\",\"test\":\"A.T.M\",\"fingerprint\":\"ABC\",\"approver\":\"D <d@example.com>\",\"at\":\"2026-01-31T09:30:00Z\"}", 2, 46, "'fingerprint' must be v2: and 32 lowercase hex digits")]
    [InlineData("{\"assembly\":\"A\",\"test\":\"A.T.M\",\"fingerprint\":\"00000000000000000000000000000000\",\"approver\":\"D <d@example.com>\",\"at\":\"2026-01-31 09:30\"}", 2, 117, "'at' must be a UTC time")]
    public void Problems_are_reported_at_their_line_and_column(string line, int expectedLine, int column, string message)
    {
        using var file = new TempFile("a.jsonl", "// header\n" + line + "\n");

        Assert.Null(ApprovalLedger.Load(file.Path, out var diagnostics));

        var error = Assert.Single(diagnostics);
        Assert.Equal(("AGT0013", file.Path, expectedLine, column), (error.Code, error.File, error.Line, error.Column));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_test_approved_twice_is_an_error_naming_both_lines()
    {
        var entry = "{\"assembly\":\"A\",\"test\":\"A.T.M\",\"fingerprint\":\"" + new string('0', 32) + "\",\"approver\":\"D <d@example.com>\",\"at\":\"2026-01-31T09:30:00Z\"}\n";
        using var file = new TempFile("a.jsonl", entry + entry);

        Assert.Null(ApprovalLedger.Load(file.Path, out var diagnostics));

        var error = Assert.Single(diagnostics);
        Assert.Equal(2, error.Line);
        Assert.Contains("approved twice (first at line 1)", error.Message, StringComparison.Ordinal);
    }
}
