using System.Globalization;
using AgentTestGuard.Approvals;
using AgentTestGuard.Configuration;
using AgentTestGuard.Inventory;

namespace AgentTestGuard.Files;

/// <summary>
/// Turns a parsed inventory into an <see cref="InventoryDocument"/>. Properties this version
/// does not know are skipped, so a newer writer may add some without raising the schema version;
/// a missing or mistyped one is an error that names its position.
/// </summary>
internal sealed class InventoryReader
{
    private readonly string _path;

    private InventoryReader(string path) => _path = path;

    /// <exception cref="InvalidDataException">The document is not an inventory this version can read.</exception>
    public static InventoryDocument Read(string path, JsonNode root) => new InventoryReader(path).Document(root);

    private InventoryDocument Document(JsonNode node)
    {
        var properties = Object(node, "the inventory");
        var version = ConfigurationFileReader.Find(properties, "schemaVersion")?.Value is JsonLiteralNode literal
            && int.TryParse(literal.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : (int?)null;
        if (version != InventoryDocument.CurrentSchemaVersion)
        {
            throw new InvalidDataException(
                $"{_path}: inventory schema version {version} is not {InventoryDocument.CurrentSchemaVersion}; rebuild the test project with this version of AgentTestGuard.");
        }

        return new InventoryDocument(
            version.Value,
            RequiredString(properties, "generator"),
            RequiredString(properties, "assembly"),
            OptionalString(properties, "policyFile"),
            OptionalString(properties, "criteriaFile"),
            OptionalString(properties, "approvalsFile"),
            Array(Required(properties, "tests"), "tests").Select(Test).ToList())
        {
            Owner = OptionalString(properties, "owner"),
            Environments = Optional(properties, "environments") is { } environments ? Strings(environments, "environments") : null,
        };
    }

    private AgentTest Test(JsonNode node)
    {
        var properties = Object(node, "a test");
        return new AgentTest(
            RequiredString(properties, "id"),
            RequiredString(properties, "typeName"),
            RequiredString(properties, "methodName"),
            RequiredString(properties, "agent"),
            Optional(properties, "evidence") is { } evidence ? Evidence(evidence) : AgentEvidence.None,
            Strings(Required(properties, "criteria"), "criteria"),
            RequiredString(properties, "fingerprint"),
            Optional(properties, "source") is { } source ? Source(source) : null)
        {
            Approval = Optional(properties, "approval") is { } approval ? Approval(approval) : null,
        };
    }

    private AgentEvidence Evidence(JsonNode node)
    {
        var properties = Object(node, "evidence");
        return new AgentEvidence(OptionalString(properties, "model"), OptionalString(properties, "session"), OptionalString(properties, "prompt"));
    }

    private SourceLocation Source(JsonNode node)
    {
        var properties = Object(node, "source");
        var line = Required(properties, "line");
        return line is JsonLiteralNode literal && int.TryParse(literal.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? new SourceLocation(RequiredString(properties, "file"), number)
            : throw Invalid(line, "line must be a whole number");
    }

    private TestApproval Approval(JsonNode node)
    {
        var properties = Object(node, "approval");
        var stateNode = Required(properties, "state");
        if (!ApprovalStates.TryParse(String(stateNode, "state"), out var state))
        {
            throw Invalid(stateNode, "state must be approved, stale or unapproved");
        }

        DateTimeOffset? at = null;
        if (Optional(properties, "at") is { } atNode)
        {
            at = DateTimeOffset.TryParse(String(atNode, "at"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                ? parsed
                : throw Invalid(atNode, "at must be a date and time");
        }

        return new TestApproval(state, OptionalString(properties, "approver"), at, OptionalString(properties, "approvedFingerprint"));
    }

    private JsonObjectNode Object(JsonNode node, string what) =>
        node as JsonObjectNode ?? throw Invalid(node, $"{what} must be an object");

    private IReadOnlyList<JsonNode> Array(JsonNode node, string what) =>
        node is JsonArrayNode array ? array.Items : throw Invalid(node, $"{what} must be an array");

    private List<string> Strings(JsonNode node, string what) => Array(node, what).Select(item => String(item, what)).ToList();

    private string String(JsonNode node, string what) =>
        node is JsonStringNode text ? text.Value : throw Invalid(node, $"{what} must be a string");

    /// <summary>The property's value; its absence is reported at the object's position.</summary>
    private JsonNode Required(JsonObjectNode properties, string name) =>
        ConfigurationFileReader.Find(properties, name)?.Value ?? throw Invalid(properties, $"{name} is missing");

    private string RequiredString(JsonObjectNode properties, string name) =>
        String(Required(properties, name), name);

    /// <summary>The property's value; null when it is absent or null.</summary>
    private static JsonNode? Optional(JsonObjectNode properties, string name) =>
        ConfigurationFileReader.Find(properties, name)?.Value is { } value && value is not JsonLiteralNode { Text: "null" } ? value : null;

    private string? OptionalString(JsonObjectNode properties, string name) =>
        Optional(properties, name) is { } value ? String(value, name) : null;

    private InvalidDataException Invalid(JsonNode node, string message) =>
        new($"{_path}({node.Line},{node.Column}): not a valid agent test inventory: {message}");
}
