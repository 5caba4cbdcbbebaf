using System.Text.Json;
using AgentTestGuard.Approvals;
using AgentTestGuard.Assertions;
using AgentTestGuard.Inventory;
using AgentTestGuard.Json;

namespace AgentTestGuard.InventoryFormat;

/// <summary>
/// Reads an inventory's JSON into an <see cref="InventoryDocument"/> in one pass, without building
/// a tree of the document first: every test run reads the inventory, and a 2,000-test inventory's
/// tree took 7 MB and most of the reading time (build/benchmark-run.sh, inventory read).
/// Properties this version does not know are skipped, so a newer writer may add some without
/// raising the schema version; a repeated property is read each time, and the last one counts.
/// A missing or mistyped property is an error that names its position; the first problem in the
/// file is the one reported, except that a file of another schema version is refused as such.
/// </summary>
internal sealed partial class InventoryReader
{
    private readonly string _path;
    private readonly JsonSource _source;

    // Tests are sorted by id, so neighbours mostly share their class, source file, agent, criteria
    // and approver: each of those strings is made once and reused while it repeats.
    private string? _typeName;
    private string? _agent;
    private string? _file;
    private string? _approver;
    private List<string> _criteria = [];

    private InventoryReader(string path, JsonSource source)
    {
        _path = path;
        _source = source;
    }

    /// <exception cref="InvalidDataException">The text is not an inventory this version can read.</exception>
    public static InventoryDocument Read(string path, ReadOnlyMemory<byte> utf8)
    {
        utf8 = JsonPositionReader.WithoutPreamble(utf8);
        var source = new JsonSource(utf8);
        var reader = new Utf8JsonReader(utf8.Span, JsonPositionReader.Options);
        try
        {
            // An empty file throws here, as "does not contain any JSON tokens".
            reader.Read();
            var document = new InventoryReader(path, source).Document(ref reader);

            // Throws where anything but whitespace or comments follows the document.
            reader.Read();
            return document;
        }
        catch (JsonException e)
        {
            var error = JsonPositionReader.SyntaxError(e, source);
            throw new InvalidDataException($"{path}({error.Line},{error.Column}): not a valid agent test inventory: {error.Message}", e);
        }
    }

    private InventoryDocument Document(ref Utf8JsonReader reader)
    {
        var start = StartObject(ref reader, "the inventory");
        int? version = null;
        string? generator = null, assembly = null, policyFile = null, criteriaFile = null, approvalsFile = null, owner = null;
        List<string>? environments = null;
        List<AgentTest>? tests = null;

        // The writer puts the version first; should tests come before it, they are read once it is known.
        var testsBeforeVersion = default(Utf8JsonReader);
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("schemaVersion"u8))
            {
                reader.Read();
                version = WholeNumber(reader);
                CheckVersion(version);
            }
            else if (reader.ValueTextEquals("generator"u8))
            {
                generator = RequiredString(ref reader, "generator");
            }
            else if (reader.ValueTextEquals("assembly"u8))
            {
                assembly = RequiredString(ref reader, "assembly");
            }
            else if (reader.ValueTextEquals("policyFile"u8))
            {
                policyFile = OptionalString(ref reader, "policyFile");
            }
            else if (reader.ValueTextEquals("criteriaFile"u8))
            {
                criteriaFile = OptionalString(ref reader, "criteriaFile");
            }
            else if (reader.ValueTextEquals("approvalsFile"u8))
            {
                approvalsFile = OptionalString(ref reader, "approvalsFile");
            }
            else if (reader.ValueTextEquals("owner"u8))
            {
                owner = OptionalString(ref reader, "owner");
            }
            else if (reader.ValueTextEquals("environments"u8))
            {
                reader.Read();
                environments = reader.TokenType == JsonTokenType.Null ? null : Strings(ref reader, "environments", []);
            }
            else if (reader.ValueTextEquals("tests"u8))
            {
                reader.Read();
                if (version is null)
                {
                    testsBeforeVersion = reader;
                    reader.Skip();
                }
                else
                {
                    testsBeforeVersion = default;
                    tests = Tests(ref reader);
                }
            }
            else
            {
                SkipValue(ref reader);
            }
        }

        CheckVersion(version);
        if (testsBeforeVersion.TokenType != JsonTokenType.None)
        {
            tests = Tests(ref testsBeforeVersion);
        }

        return new InventoryDocument(
            version!.Value,
            generator ?? throw Missing(start, "generator"),
            assembly ?? throw Missing(start, "assembly"),
            policyFile,
            criteriaFile,
            approvalsFile,
            tests ?? throw Missing(start, "tests"))
        {
            Owner = owner,
            Environments = environments,
        };
    }

    private void CheckVersion(int? version)
    {
        if (version != InventoryDocument.CurrentSchemaVersion)
        {
            throw new InvalidDataException(
                $"{_path}: inventory schema version {version} is not {InventoryDocument.CurrentSchemaVersion}; rebuild the test project with this version of AgentTestGuard.");
        }
    }

    private List<AgentTest> Tests(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Invalid(reader, "tests must be an array");
        }

        var tests = new List<AgentTest>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            tests.Add(Test(ref reader));
        }

        return tests;
    }

    private AgentTest Test(ref Utf8JsonReader reader)
    {
        var start = StartObject(ref reader, "a test");
        string? id = null, typeName = null, methodName = null, agent = null, fingerprint = null;
        List<string>? criteria = null;
        IReadOnlyList<string> inheritedBy = [];
        var evidence = AgentEvidence.None;
        SourceLocation? source = null;
        TestApproval? approval = null;
        CannotFail? cannotFail = null;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("id"u8))
            {
                id = RequiredString(ref reader, "id");
            }
            else if (reader.ValueTextEquals("typeName"u8))
            {
                typeName = RequiredString(ref reader, "typeName", ref _typeName);
            }
            else if (reader.ValueTextEquals("methodName"u8))
            {
                methodName = RequiredString(ref reader, "methodName");
            }
            else if (reader.ValueTextEquals("inheritedBy"u8))
            {
                reader.Read();
                inheritedBy = reader.TokenType == JsonTokenType.Null ? [] : Strings(ref reader, "inheritedBy", []);
            }
            else if (reader.ValueTextEquals("agent"u8))
            {
                agent = RequiredString(ref reader, "agent", ref _agent);
            }
            else if (reader.ValueTextEquals("evidence"u8))
            {
                evidence = reader.Read() && reader.TokenType == JsonTokenType.Null ? AgentEvidence.None : Evidence(ref reader);
            }
            else if (reader.ValueTextEquals("criteria"u8))
            {
                reader.Read();
                criteria = _criteria = Strings(ref reader, "criteria", _criteria);
            }
            else if (reader.ValueTextEquals("fingerprint"u8))
            {
                fingerprint = RequiredString(ref reader, "fingerprint");
            }
            else if (reader.ValueTextEquals("source"u8))
            {
                source = reader.Read() && reader.TokenType == JsonTokenType.Null ? null : Source(ref reader);
            }
            else if (reader.ValueTextEquals("approval"u8))
            {
                approval = reader.Read() && reader.TokenType == JsonTokenType.Null ? null : Approval(ref reader, fingerprint);
            }
            else if (reader.ValueTextEquals("cannotFail"u8))
            {
                cannotFail = reader.Read() && reader.TokenType == JsonTokenType.Null ? null : ReadCannotFail(ref reader);
            }
            else
            {
                SkipValue(ref reader);
            }
        }

        return new AgentTest(
            id ?? throw Missing(start, "id"),
            typeName ?? throw Missing(start, "typeName"),
            methodName ?? throw Missing(start, "methodName"),
            agent ?? throw Missing(start, "agent"),
            evidence,
            criteria ?? throw Missing(start, "criteria"),
            fingerprint ?? throw Missing(start, "fingerprint"),
            source)
        {
            Approval = approval,
            InheritedBy = inheritedBy,
            CannotFail = cannotFail,
        };
    }
}
