using System.Globalization;
using System.Text.Json;
using AgentTestGuard.Approvals;
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
internal sealed class InventoryReader
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
        };
    }

    private AgentEvidence Evidence(ref Utf8JsonReader reader)
    {
        StartObject(ref reader, "evidence");
        string? model = null, session = null, prompt = null;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("model"u8))
            {
                model = OptionalString(ref reader, "model");
            }
            else if (reader.ValueTextEquals("session"u8))
            {
                session = OptionalString(ref reader, "session");
            }
            else if (reader.ValueTextEquals("prompt"u8))
            {
                prompt = OptionalString(ref reader, "prompt");
            }
            else
            {
                SkipValue(ref reader);
            }
        }

        return model is null && session is null && prompt is null ? AgentEvidence.None : new AgentEvidence(model, session, prompt);
    }

    private SourceLocation Source(ref Utf8JsonReader reader)
    {
        var start = StartObject(ref reader, "source");
        string? file = null;
        int? line = null;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("file"u8))
            {
                file = RequiredString(ref reader, "file", ref _file);
            }
            else if (reader.ValueTextEquals("line"u8))
            {
                reader.Read();
                line = WholeNumber(reader) ?? throw Invalid(reader, "line must be a whole number");
            }
            else
            {
                SkipValue(ref reader);
            }
        }

        return new SourceLocation(file ?? throw Missing(start, "file"), line ?? throw Missing(start, "line"));
    }

    private TestApproval Approval(ref Utf8JsonReader reader, string? fingerprint)
    {
        var start = StartObject(ref reader, "approval");
        ApprovalState? state = null;
        string? approver = null, approvedFingerprint = null, rejectedBy = null, rejectionReason = null;
        DateTimeOffset? at = null, rejectedAt = null;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("state"u8))
            {
                reader.Read();
                state = ReadState(ref reader);
            }
            else if (reader.ValueTextEquals("approver"u8))
            {
                approver = OptionalString(ref reader, "approver", ref _approver);
            }
            else if (reader.ValueTextEquals("at"u8))
            {
                at = OptionalTime(ref reader, "at");
            }
            else if (reader.ValueTextEquals("rejectedBy"u8))
            {
                rejectedBy = OptionalString(ref reader, "rejectedBy");
            }
            else if (reader.ValueTextEquals("rejectedAt"u8))
            {
                rejectedAt = OptionalTime(ref reader, "rejectedAt");
            }
            else if (reader.ValueTextEquals("rejectionReason"u8))
            {
                rejectionReason = OptionalString(ref reader, "rejectionReason");
            }
            else if (reader.ValueTextEquals("approvedFingerprint"u8))
            {
                // Mostly the test's own fingerprint: an approval that is not stale.
                var current = fingerprint;
                approvedFingerprint = OptionalString(ref reader, "approvedFingerprint", ref current);
            }
            else
            {
                SkipValue(ref reader);
            }
        }

        return new TestApproval(state ?? throw Missing(start, "state"), approver, at, approvedFingerprint)
        {
            Rejection = state == ApprovalState.Rejected
                ? new TestRejection(rejectedBy ?? throw Missing(start, "rejectedBy"), rejectedAt ?? throw Missing(start, "rejectedAt"), rejectionReason ?? throw Missing(start, "rejectionReason"))
                : null,
        };
    }

    private DateTimeOffset? OptionalTime(ref Utf8JsonReader reader, string what)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(String(ref reader, what), CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? parsed
            : throw Invalid(reader, $"{what} must be a date and time");
    }

    private ApprovalState ReadState(ref Utf8JsonReader reader) =>
        ApprovalStates.TryParse(String(ref reader, "state"), out var state)
            ? state
            : throw Invalid(reader, "state must be approved, stale, rejected or unapproved");

    /// <summary>An array of strings.</summary>
    /// <param name="previous">The array last read for this property: an item equal to the one at its place is reused.</param>
    private List<string> Strings(ref Utf8JsonReader reader, string what, List<string> previous)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Invalid(reader, $"{what} must be an array");
        }

        var items = new List<string>(previous.Count);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var last = items.Count < previous.Count ? previous[items.Count] : null;
            items.Add(Reused(ref reader, what, ref last));
        }

        return items;
    }

    /// <summary>A number token that is a whole number, not negative; null for anything else.</summary>
    private static int? WholeNumber(in Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number && int.TryParse(reader.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    /// <returns>Where the object starts, where a missing property is reported.</returns>
    private long StartObject(ref Utf8JsonReader reader, string what) =>
        reader.TokenType == JsonTokenType.StartObject ? reader.TokenStartIndex : throw Invalid(reader, $"{what} must be an object");

    /// <summary>Moves to the object's next property name; false at its end.</summary>
    private static bool NextProperty(ref Utf8JsonReader reader) =>
        reader.Read() && reader.TokenType == JsonTokenType.PropertyName;

    /// <summary>From a property name, past its value (an unknown property).</summary>
    private static void SkipValue(ref Utf8JsonReader reader)
    {
        reader.Read();
        reader.Skip();
    }

    /// <summary>From a property name, its value, which must be a string.</summary>
    private string RequiredString(ref Utf8JsonReader reader, string name)
    {
        reader.Read();
        return String(ref reader, name);
    }

    /// <inheritdoc cref="RequiredString(ref Utf8JsonReader, string)"/>
    /// <param name="last">The value last read for this property, reused when it repeats.</param>
    private string RequiredString(ref Utf8JsonReader reader, string name, ref string? last)
    {
        reader.Read();
        return Reused(ref reader, name, ref last);
    }

    /// <summary>From a property name, its value: a string, or null when it is JSON null.</summary>
    private string? OptionalString(ref Utf8JsonReader reader, string name)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Null ? null : String(ref reader, name);
    }

    /// <inheritdoc cref="OptionalString(ref Utf8JsonReader, string)"/>
    /// <param name="last">The value last read for this property, reused when it repeats.</param>
    private string? OptionalString(ref Utf8JsonReader reader, string name, ref string? last)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Null ? null : Reused(ref reader, name, ref last);
    }

    private string Reused(ref Utf8JsonReader reader, string what, ref string? last)
    {
        if (last is not null && reader.TokenType == JsonTokenType.String && reader.ValueTextEquals(last))
        {
            return last;
        }

        return last = String(ref reader, what);
    }

    private string String(ref Utf8JsonReader reader, string what) =>
        reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw Invalid(reader, $"{what} must be a string");

    private InvalidDataException Invalid(in Utf8JsonReader reader, string message) => Invalid(reader.TokenStartIndex, message);

    private InvalidDataException Missing(long objectStart, string name) => Invalid(objectStart, $"{name} is missing");

    private InvalidDataException Invalid(long offset, string message)
    {
        var (line, column) = _source.PositionOf(offset);
        return new($"{_path}({line},{column}): not a valid agent test inventory: {message}");
    }
}
