using System.Text;
using AgentTestGuard.Approvals;
using AgentTestGuard.Configuration;
using AgentTestGuard.Diagnostics;
using AgentTestGuard.Incidents;
using AgentTestGuard.Inventory;
using AgentTestGuard.Validation;
using Xunit;

namespace AgentTestGuard.Core.Tests.Configuration;

/// <summary>
/// Bad input in the four repository files never crashes, hangs or misleads: each finding names the
/// file, line and column (issue 30).
/// </summary>
public sealed class BadInputTests
{
    private const string Ledger = "agenttestguard.approvals.jsonl";
    private const string Log = "agenttestguard.incidents.jsonl";

    private const string ApprovalLine =
        """{"assembly":"A","test":"A.T.M","fingerprint":"00000000000000000000000000000000","approver":"Dana Lee <dana@example.com>","at":"2026-01-31T09:30:00Z"}""";

    private const string IncidentLine =
        """{"kind":"mistake","agent":"copilot","by":"Dana Lee <dana@example.com>","at":"2026-01-31T09:30:00Z","reason":"one"}""";

    public static TheoryData<string, string, string> FilesWithALatin1Byte => new()
    {
        { "p.json", "{\n  \"owner\": \"Zoë <z@example.com>\",\n  \"agents\": []\n}", "AGT0005" },
        { "c.json", "{ \"criteria\": [\n  { \"id\": \"A\", \"text\": \"Zoë\" } ] }", "AGT0004" },
        { Ledger, "// approvals\n" + ApprovalLine.Replace("Dana Lee", "Zoë Lee", StringComparison.Ordinal) + "\n", "AGT0013" },
        { Log, "// incidents\n" + IncidentLine.Replace("Dana Lee", "Zoë Lee", StringComparison.Ordinal) + "\n", "AGT0017" },
    };

    [Theory]
    [MemberData(nameof(FilesWithALatin1Byte))]
    public void Invalid_UTF8_is_reported_where_its_first_bad_byte_is(string name, string text, string code)
    {
        using var file = new TempFile(name, "");
        var bytes = Encoding.Latin1.GetBytes(text);
        File.WriteAllBytes(file.Path, bytes);
        var at = Array.IndexOf(bytes, (byte)0xEB);
        var line = 1 + bytes.Take(at).Count(b => b == '\n');
        var column = at - Array.LastIndexOf(bytes, (byte)'\n', at - 1);

        var error = Assert.Single(Load(name, file.Path));

        Assert.Equal((code, file.Path, line, column), (error.Code, error.File, error.Line, error.Column));
        Assert.Equal("Not valid UTF-8: byte 0xEB does not start or continue a character. Save the file as UTF-8.", error.Message);
    }

    public static TheoryData<string, string, string, int, int, string> FilesWithAKeyTwice => new()
    {
        { "p.json", "{\n  \"agents\": [],\n  \"requireSignedApprovals\": true,\n  \"requireSignedApprovals\": false\n}", "AGT0005", 4, 3, "The key 'requireSignedApprovals' appears twice in one object (first at line 3, column 3); keep one." },
        { "c.json", "{ \"criteria\": [ { \"id\": \"A\", \"text\": \"t\", \"id\": \"B\" } ] }", "AGT0004", 1, 43, "The key 'id' appears twice in one object (first at column 19); keep one." },
        { Ledger, "// approvals\n" + ApprovalLine.Replace("}", ",\"test\":\"A.T.Other\"}", StringComparison.Ordinal) + "\n", "AGT0013", 2, 150, "The key 'test' appears twice in one object (first at column 17); keep one." },
        { Log, IncidentLine.Replace("}", ",\"reason\":\"two\"}", StringComparison.Ordinal), "AGT0017", 1, 115, "The key 'reason' appears twice in one object (first at column 100); keep one." },
    };

    [Theory]
    [MemberData(nameof(FilesWithAKeyTwice))]
    public void A_key_twice_in_an_object_is_an_error_at_the_second(string name, string text, string code, int line, int column, string message)
    {
        using var file = new TempFile(name, text);

        var error = Assert.Single(Load(name, file.Path));

        Assert.Equal((code, line, column), (error.Code, error.Line, error.Column));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_large_catalog_on_one_line_reads_with_its_positions()
    {
        // A functional check only; the time it takes is measured by build/benchmark-catalog.sh.
        const int Count = 100_000;
        var json = new StringBuilder("{\"criteria\":[");
        for (var i = 0; i < Count; i++)
        {
            json.Append("{\"id\":\"C-").Append(i).Append("\",\"text\":\"Größe ").Append(i).Append("\"},");
        }

        json.Append("{\"id\":\"C-7\",\"text\":\"again\"}]}");
        using var file = new TempFile("c.json", json.ToString());

        Assert.Null(CriteriaCatalog.Load(file.Path, out var diagnostics));

        var error = Assert.Single(diagnostics);
        Assert.Equal((1, json.Length - 28), (error.Line, error.Column));
        Assert.Equal("Criterion 'C-7' is defined twice (first at line 1); ids must be unique.", error.Message);
    }

    [Fact]
    public void An_id_whose_criteria_pattern_times_out_is_reported_as_timed_out()
    {
        using var policy = new TempFile("p.json", """{ "agents": ["copilot"], "criteriaPatterns": [ { "pattern": "(a+)+b" } ] }""");
        var configuration = RepositoryConfiguration.Load(policy.Path, null, out _);
        var test = new AgentTest("N.T.M", "N.T", "M", "copilot", AgentEvidence.None, [new string('a', 40) + "!"], new string('0', 32), new SourceLocation("/repo/T.cs", 3));

        var error = Assert.Single(AgentTestValidator.Validate([test], configuration, "/out/T.dll", "/repo"));

        Assert.Equal(("AGT0002", "/repo/T.cs", 3), (error.Code, error.File, error.Line));
        Assert.Contains(
            $"which could not be checked: matching it against the 'criteriaPatterns' entry '(a+)+b' of the policy '{policy.Path}' timed out after 100 ms.",
            error.Message,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Ledger, "approver", "AGT0013")]
    [InlineData(Log, "by", "AGT0017")]
    public void An_identity_without_an_email_is_refused_at_its_value(string name, string key, string code)
    {
        var line = (name == Ledger ? ApprovalLine : IncidentLine).Replace("Dana Lee <dana@example.com>", "Dana Lee", StringComparison.Ordinal);
        using var file = new TempFile(name, line + "\n");

        var error = Assert.Single(Load(name, file.Path));

        Assert.Equal((code, 1, line.IndexOf("\"Dana Lee\"", StringComparison.Ordinal) + 1), (error.Code, error.Line, error.Column));
        Assert.Equal($"'{key}' must be \"Name <email>\", not 'Dana Lee': a person is named with an email address.", error.Message);
    }

    [Fact]
    public void Many_orphan_approvals_give_one_warning()
    {
        var approvals = Enumerable.Range(0, 230_000)
            .Select(i => new Approval("Shop.Tests", $"N.T.Gone{i}", new string('0', 32), "Dana Lee <dana@example.com>", DateTimeOffset.UnixEpoch, Line: i + 2))
            .ToList();

        ApprovalClassifier.Classify("Shop.Tests", [], approvals, null, "/r/a.jsonl", out var diagnostics);

        var warning = Assert.Single(diagnostics);
        Assert.Equal(("AGT0014", "/r/a.jsonl", 2), (warning.Code, warning.File, warning.Line));
        Assert.Equal(
            "230000 approvals name tests that 'Shop.Tests' has no agent test with (renamed, deleted, or no longer tagged), such as 'N.T.Gone0' (line 2), 'N.T.Gone1' (line 3), 'N.T.Gone2' (line 4). Remove those lines.",
            warning.Message);
    }

    [Fact]
    public void A_few_orphan_approvals_are_reported_one_by_one()
    {
        var approvals = Enumerable.Range(0, 10)
            .Select(i => new Approval("Shop.Tests", $"N.T.Gone{i}", new string('0', 32), "Dana Lee <dana@example.com>", DateTimeOffset.UnixEpoch, Line: i + 2))
            .ToList();

        ApprovalClassifier.Classify("Shop.Tests", [], approvals, null, "/r/a.jsonl", out var diagnostics);

        Assert.Equal(Enumerable.Range(2, 10), diagnostics.Select(d => d.Line));
    }

    private static IReadOnlyList<Diagnostic> Load(string name, string path)
    {
        IReadOnlyList<Diagnostic> diagnostics;
        object? loaded = name switch
        {
            "p.json" => Policy.Load(path, out diagnostics),
            "c.json" => CriteriaCatalog.Load(path, out diagnostics),
            Ledger => ApprovalLedger.Load(path, out diagnostics),
            _ => IncidentLog.Load(path, out diagnostics),
        };
        Assert.Null(loaded);
        return diagnostics;
    }
}
