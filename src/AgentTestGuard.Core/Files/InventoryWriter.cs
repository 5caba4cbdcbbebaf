using System.Text.Json;
using AgentTestGuard.Approvals;
using AgentTestGuard.Inventory;

namespace AgentTestGuard.Files;

/// <summary>
/// Writes an inventory in the documented order; absent (null) values are left out.
/// </summary>
internal static class InventoryWriter
{
    public static void Write(Utf8JsonWriter json, InventoryDocument document)
    {
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", document.SchemaVersion);
        json.WriteString("generator", document.Generator);
        json.WriteString("assembly", document.Assembly);
        WriteOptional(json, "policyFile", document.PolicyFile);
        WriteOptional(json, "criteriaFile", document.CriteriaFile);
        WriteOptional(json, "approvalsFile", document.ApprovalsFile);
        json.WriteStartArray("tests");
        foreach (var test in document.Tests)
        {
            WriteTest(json, test);
        }

        json.WriteEndArray();
        WriteOptional(json, "owner", document.Owner);
        if (document.Environments is { } environments)
        {
            WriteStrings(json, "environments", environments);
        }

        json.WriteEndObject();
    }

    private static void WriteTest(Utf8JsonWriter json, AgentTest test)
    {
        json.WriteStartObject();
        json.WriteString("id", test.Id);
        json.WriteString("typeName", test.TypeName);
        json.WriteString("methodName", test.MethodName);
        json.WriteString("agent", test.Agent);
        json.WriteStartObject("evidence");
        WriteOptional(json, "model", test.Evidence.Model);
        WriteOptional(json, "session", test.Evidence.Session);
        WriteOptional(json, "prompt", test.Evidence.Prompt);
        json.WriteEndObject();
        WriteStrings(json, "criteria", test.Criteria);
        json.WriteString("fingerprint", test.Fingerprint);
        if (test.Source is { } source)
        {
            json.WriteStartObject("source");
            json.WriteString("file", source.File);
            json.WriteNumber("line", source.Line);
            json.WriteEndObject();
        }

        if (test.Approval is { } approval)
        {
            json.WriteStartObject("approval");
            json.WriteString("state", ApprovalStates.Name(approval.State));
            WriteOptional(json, "approver", approval.Approver);
            if (approval.At is { } at)
            {
                json.WriteString("at", at);
            }

            WriteOptional(json, "approvedFingerprint", approval.ApprovedFingerprint);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
