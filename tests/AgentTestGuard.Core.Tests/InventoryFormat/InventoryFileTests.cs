using AgentTestGuard.Approvals;
using AgentTestGuard.Inventory;
using AgentTestGuard.InventoryFormat;
using Xunit;

namespace AgentTestGuard.Core.Tests.InventoryFormat;

public sealed class InventoryFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("agt-inventory-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Writes_the_documented_format_and_reads_it_back()
    {
        var path = Path.Combine(_directory, "obj", "T.agenttests.json");
        var test = new AgentTest("N.C.M", "N.C", "M", "copilot", new AgentEvidence(Model: "gpt-5"), ["CART-12"], "0123456789abcdef0123456789abcdef", new SourceLocation("/r/C.cs", 7));
        var document = new InventoryDocument(1, "AgentTestGuard 1.2.3", "T", "/r/agenttestguard.policy.json", null, null, [test]);

        InventoryFile.Write(path, document);

        Assert.Equal("""
            {
              "schemaVersion": 1,
              "generator": "AgentTestGuard 1.2.3",
              "assembly": "T",
              "policyFile": "/r/agenttestguard.policy.json",
              "tests": [
                {
                  "id": "N.C.M",
                  "typeName": "N.C",
                  "methodName": "M",
                  "agent": "copilot",
                  "evidence": {
                    "model": "gpt-5"
                  },
                  "criteria": [
                    "CART-12"
                  ],
                  "fingerprint": "0123456789abcdef0123456789abcdef",
                  "source": {
                    "file": "/r/C.cs",
                    "line": 7
                  }
                }
              ]
            }

            """, File.ReadAllText(path));
        var read = InventoryFile.Read(path);
        Assert.Equal(document with { Tests = [] }, read with { Tests = [] });
        Assert.Equal(test with { Criteria = [] }, read.Tests.Single() with { Criteria = [] });
        Assert.Equal(["CART-12"], read.Tests.Single().Criteria);
        Assert.Equal(["T.agenttests.json"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
    }

    [Fact]
    public void Refuses_another_schema_version_with_the_file_name()
    {
        var path = Path.Combine(_directory, "T.agenttests.json");
        File.WriteAllText(path, """{ "schemaVersion": 2, "generator": "g", "assembly": "T", "tests": [] }""");

        var error = Assert.Throws<InvalidDataException>(() => InventoryFile.Read(path));

        Assert.Equal(path + ": inventory schema version 2 is not 1; rebuild the test project with this version of AgentTestGuard.", error.Message);
    }

    [Fact]
    public void Refuses_malformed_json_with_its_position()
    {
        var path = Path.Combine(_directory, "T.agenttests.json");
        File.WriteAllText(path, "{\n  \"schemaVersion\": 1,\n  \"tests\": [ x ]\n}");

        var error = Assert.Throws<InvalidDataException>(() => InventoryFile.Read(path));

        Assert.StartsWith(path + "(3,", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Approvals_owner_and_environments_read_back_as_written()
    {
        var path = Path.Combine(_directory, "T.agenttests.json");
        var approved = new AgentTest("N.C.A", "N.C", "A", "copilot", AgentEvidence.None, [], "f1", null)
        {
            Approval = new TestApproval(ApprovalState.Stale, "Dana Lee <dana@example.com>", new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.Zero), "f0"),
        };
        var document = new InventoryDocument(1, "g", "T", null, null, "/r/agenttestguard.approvals.jsonl", [approved])
        {
            Owner = "qa@example.com",
            Environments = ["local", "ci"],
        };

        InventoryFile.Write(path, document);
        var read = InventoryFile.Read(path);

        Assert.Equal(approved.Approval, read.Tests.Single().Approval);
        Assert.Equal(("qa@example.com", "local,ci"), (read.Owner, string.Join(",", read.Environments!)));
        Assert.Contains("\"at\": \"2026-11-24T09:30:00+00:00\"", File.ReadAllText(path), StringComparison.Ordinal);
        Assert.Equal(InventoryFile.Serialize(document), InventoryFile.Serialize(read));
    }

    [Fact]
    public void A_rejection_reads_back_with_who_when_and_why()
    {
        var path = Path.Combine(_directory, "T.agenttests.json");
        var rejected = new AgentTest("N.C.A", "N.C", "A", "copilot", AgentEvidence.None, [], "f1", null)
        {
            Approval = new TestApproval(ApprovalState.Rejected, "Dana Lee <dana@example.com>", new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.Zero), "f1")
            {
                Rejection = new TestRejection("Sam Roe <sam@example.com>", new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero), "asserts the mock"),
            },
        };
        var document = new InventoryDocument(1, "g", "T", null, null, null, [rejected]);

        InventoryFile.Write(path, document);
        var read = InventoryFile.Read(path);

        Assert.Equal(rejected.Approval, read.Tests.Single().Approval);
        Assert.Contains(
            """
                  "approval": {
                    "state": "rejected",
                    "approver": "Dana Lee \u003Cdana@example.com\u003E",
                    "at": "2026-11-24T09:30:00+00:00",
                    "approvedFingerprint": "f1",
                    "rejectedBy": "Sam Roe \u003Csam@example.com\u003E",
                    "rejectedAt": "2026-11-25T08:00:00+00:00",
                    "rejectionReason": "asserts the mock"
                  }
            """,
            File.ReadAllText(path).ReplaceLineEndings("\n"),
            StringComparison.Ordinal);
    }

    [Fact]
    public void The_classes_inheriting_a_test_are_written_after_its_name_and_read_back()
    {
        var path = Path.Combine(_directory, "T.agenttests.json");
        var inherited = new AgentTest("N.Base.M", "N.Base", "M", "copilot", AgentEvidence.None, [], "f1", null)
        {
            InheritedBy = ["N.Derived", "N.Outer+Nested"],
        };
        var document = new InventoryDocument(1, "g", "T", null, null, null, [inherited]);

        InventoryFile.Write(path, document);
        var read = InventoryFile.Read(path);

        Assert.Contains(
            // The writer's default encoder writes '+' as \u002B, as in every name the inventory holds.
            "\"methodName\": \"M\",\n      \"inheritedBy\": [\n        \"N.Derived\",\n        \"N.Outer\\u002BNested\"\n      ],\n      \"agent\"",
            File.ReadAllText(path).ReplaceLineEndings("\n"),
            StringComparison.Ordinal);
        Assert.Equal(["N.Derived", "N.Outer+Nested"], read.Tests.Single().InheritedBy);
        Assert.Equal(InventoryFile.Serialize(document), InventoryFile.Serialize(read));
    }

    [Fact]
    public void Reads_a_file_that_starts_with_a_byte_order_mark()
    {
        var path = Path.Combine(_directory, "T.agenttests.json");
        File.WriteAllText(path, """{ "schemaVersion": 1, "generator": "g", "assembly": "T", "tests": [] }""", new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        Assert.Equal("T", InventoryFile.Read(path).Assembly);
    }

    [Fact]
    public void Skips_properties_it_does_not_know()
    {
        var path = Path.Combine(_directory, "T.agenttests.json");
        File.WriteAllText(path, """{ "schemaVersion": 1, "generator": "g", "assembly": "T", "later": { "x": [1] }, "tests": [] }""");

        Assert.Equal("T", InventoryFile.Read(path).Assembly);
    }

    [Theory]
    [InlineData("""{ "schemaVersion": 1, "generator": "g", "assembly": "T", "tests": [ { "id": 3 } ] }""", "(1,77): not a valid agent test inventory: id must be a string")]
    [InlineData("""{ "schemaVersion": 1, "generator": "g", "tests": [] }""", "(1,1): not a valid agent test inventory: assembly is missing")]
    [InlineData("""{ "schemaVersion": 1, "generator": "g", "assembly": "T", "tests": {} }""", "(1,67): not a valid agent test inventory: tests must be an array")]
    [InlineData("{\n  \"schemaVersion\": 1, \"generator\": \"g\u00e9n\u00e9r\u00e9\", \"assembly\": \"T\",\n  \"tests\": [ { \"id\": \"\u00e9\", \"typeName\": 3 } ] }", "(3,39): not a valid agent test inventory: typeName must be a string")]
    [InlineData("{\n  \"schemaVersion\": 1,\r\n  \"generator\": \"\u00e9\", \"assembly\": \"T\", \"tests\": [ } ", "(3,49): not a valid agent test inventory: '}' is an invalid start of a value.")]
    [InlineData("""{ "schemaVersion": 1, "generator": "g", "assembly": "T", "tests": [ 3 ] }""", "(1,69): not a valid agent test inventory: a test must be an object")]
    [InlineData("""{ "schemaVersion": 1, "generator": "g", "assembly": "T", "tests": [ { "id": "a", "criteria": [ "C", 4 ] } ] }""", "(1,101): not a valid agent test inventory: criteria must be a string")]
    [InlineData("""{ "schemaVersion": 1, "generator": "g", "assembly": "T", "tests": [ { "source": { "file": "f", "line": "9" } } ] }""", "(1,104): not a valid agent test inventory: line must be a whole number")]
    [InlineData("""{ "schemaVersion": 1, "generator": "g", "assembly": "T", "tests": [ { "source": { "file": "f", "line": -9 } } ] }""", "(1,104): not a valid agent test inventory: line must be a whole number")]
    [InlineData("""{ "schemaVersion": 1, "generator": "g", "assembly": "T", "tests": [ { "source": { "line": 9 } } ] }""", "(1,81): not a valid agent test inventory: file is missing")]
    [InlineData("""{ "schemaVersion": 1, "generator": "g", "assembly": "T", "tests": [ { "approval": { "state": "fine" } } ] }""", "(1,94): not a valid agent test inventory: state must be approved, stale, rejected or unapproved")]
    [InlineData("""{ "schemaVersion": 1, "generator": "g", "assembly": "T", "tests": [ { "approval": { "state": "stale", "at": "soon" } } ] }""", "(1,109): not a valid agent test inventory: at must be a date and time")]
    [InlineData("""{ "schemaVersion": 1, "generator": "g", "assembly": "T", "tests": [ { "evidence": [] } ] }""", "(1,83): not a valid agent test inventory: evidence must be an object")]
    [InlineData("""{ "schemaVersion": 1, "generator": "g", "assembly": "T", "tests": [ { "inheritedBy": "N.D" } ] }""", "(1,86): not a valid agent test inventory: inheritedBy must be an array")]
    [InlineData("""{ "schemaVersion": 1, "generator": "g", "assembly": "T", "tests": [] } {}""", "(1,72): not a valid agent test inventory: '{' is invalid after a single JSON value. Expected end of data.")]
    public void Refuses_a_mistyped_or_missing_property_with_its_position(string json, string expected)
    {
        var path = Path.Combine(_directory, "T.agenttests.json");
        File.WriteAllText(path, json);

        var error = Assert.Throws<InvalidDataException>(() => InventoryFile.Read(path));

        Assert.Equal(path + expected, error.Message);
    }

    [Fact]
    public void Reads_tests_that_come_before_the_schema_version_once_it_is_known()
    {
        var path = Path.Combine(_directory, "T.agenttests.json");
        File.WriteAllText(path, """{ "tests": [ { "id": "N.C.M", "typeName": "N.C", "methodName": "M", "agent": "a", "criteria": [], "fingerprint": "f" } ], "generator": "g", "assembly": "T", "schemaVersion": 1 }""");
        Assert.Equal("N.C.M", InventoryFile.Read(path).Tests.Single().Id);

        // Another version's tests may look different: the version is what is reported.
        File.WriteAllText(path, """{ "tests": [ { "name": "N.C.M" } ], "generator": "g", "assembly": "T", "schemaVersion": 2 }""");
        var error = Assert.Throws<InvalidDataException>(() => InventoryFile.Read(path));
        Assert.Equal(path + ": inventory schema version 2 is not 1; rebuild the test project with this version of AgentTestGuard.", error.Message);
    }

    [Fact]
    public void A_repeated_property_counts_once_the_last_and_null_means_absent()
    {
        var path = Path.Combine(_directory, "T.agenttests.json");
        File.WriteAllText(path, """
            { "schemaVersion": 1, "generator": "g", "assembly": "T", "owner": "first", "owner": null, "environments": null,
              "tests": [ { "id": "N.C.Old", "typeName": "N.C", "methodName": "Old", "agent": "a", "criteria": [], "fingerprint": "f" } ],
              "tests": [ { "id": "N.C.M", "typeName": "N.C", "methodName": "M", "agent": "a", "agent": "b", "criteria": [], "fingerprint": "f",
                           "evidence": null, "source": null, "approval": null } ] }
            """);

        var read = InventoryFile.Read(path);

        Assert.Equal((null, null), (read.Owner, read.Environments));
        Assert.Equal(new AgentTest("N.C.M", "N.C", "M", "b", AgentEvidence.None, [], "f", null), read.Tests.Single() with { Criteria = [] });
    }

    [Fact]
    public void Strings_neighbouring_tests_share_are_read_once()
    {
        var path = Path.Combine(_directory, "T.agenttests.json");
        var approval = new TestApproval(ApprovalState.Approved, "Dana Lee <dana@example.com>", null, "f1");
        var tests = new[] { "A", "B" }
            .Select(name => new AgentTest($"N.C.{name}", "N.C", name, "copilot", AgentEvidence.None, ["CART-1", "CART-2"], "f1", new SourceLocation("/r/C.cs", 1)) { Approval = approval })
            .ToList();
        InventoryFile.Write(path, new InventoryDocument(1, "g", "T", null, null, null, tests));

        var (first, second) = InventoryFile.Read(path).Tests is [var a, var b] ? (a, b) : throw new InvalidOperationException("two tests expected");

        Assert.Same(first.TypeName, second.TypeName);
        Assert.Same(first.Agent, second.Agent);
        Assert.Same(first.Source!.File, second.Source!.File);
        Assert.Same(first.Approval!.Approver, second.Approval!.Approver);
        Assert.Same(first.Criteria[1], second.Criteria[1]);
        Assert.Same(second.Fingerprint, second.Approval.ApprovedFingerprint);
        Assert.Equal(tests, [first with { Criteria = tests[0].Criteria }, second with { Criteria = tests[1].Criteria }]);
        Assert.Equal(["CART-1", "CART-2"], second.Criteria);
    }
}
