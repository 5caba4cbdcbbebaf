using AgentTestGuard.Assertions;
using AgentTestGuard.Inventory;
using AgentTestGuard.InventoryFormat;
using Xunit;

namespace AgentTestGuard.Core.Tests.Assertions;

/// <summary>The AGT0020 finding in the inventory (docs/files.md): written after the source, read back, refused when unknown.</summary>
public sealed class CannotFailInventoryTests : IDisposable
{
    private const string OldEntry = """{ "id": "N.C.M", "typeName": "N.C", "methodName": "M", "agent": "copilot", "criteria": [], "fingerprint": "f" """;

    private readonly string _directory = Directory.CreateTempSubdirectory("agt-cannot-fail-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void The_finding_is_written_and_read_back()
    {
        var path = Path.Combine(_directory, "T.agenttests.json");
        var finding = new CannotFail(CannotFailReason.TrivialAssertion, "Xunit.Assert::Equal is given the same value on both sides");
        var test = new AgentTest("N.C.M", "N.C", "M", "copilot", AgentEvidence.None, [], "f", new SourceLocation("/r/C.cs", 7)) { CannotFail = finding };

        InventoryFile.Write(path, new InventoryDocument(1, "g", "T", null, null, null, [test]));

        Assert.Contains("""
                  "source": {
                    "file": "/r/C.cs",
                    "line": 7
                  },
                  "cannotFail": {
                    "reason": "trivial-assertion",
                    "detail": "Xunit.Assert::Equal is given the same value on both sides"
                  }
            """.ReplaceLineEndings("\n"), File.ReadAllText(path).ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal(finding, InventoryFile.Read(path).Tests.Single().CannotFail);
    }

    [Fact]
    public void An_inventory_written_before_the_check_reads_as_able_to_fail()
    {
        var path = Path.Combine(_directory, "T.agenttests.json");
        File.WriteAllText(path, $$"""{ "schemaVersion": 1, "generator": "g", "assembly": "T", "tests": [{{OldEntry}} }] }""");

        Assert.Null(InventoryFile.Read(path).Tests.Single().CannotFail);
    }

    [Theory]
    [InlineData("""{ "reason": "maybe", "detail": "d" }""", "reason must be no-assertion or trivial-assertion")]
    [InlineData("""{ "detail": "d" }""", "reason is missing")]
    [InlineData("""{ "reason": "no-assertion" }""", "detail is missing")]
    public void An_unknown_or_incomplete_finding_is_refused(string cannotFail, string expected)
    {
        var path = Path.Combine(_directory, "T.agenttests.json");
        File.WriteAllText(path, $$"""{ "schemaVersion": 1, "generator": "g", "assembly": "T", "tests": [{{OldEntry}}, "cannotFail": {{cannotFail}} }] }""");

        var error = Assert.Throws<InvalidDataException>(() => InventoryFile.Read(path));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
