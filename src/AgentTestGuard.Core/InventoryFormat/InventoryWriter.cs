using System.Text.Json;
using AgentTestGuard.Approvals;
using AgentTestGuard.Inventory;
using AgentTestGuard.Json;

namespace AgentTestGuard.InventoryFormat;

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
        json.WriteOptionalString("policyFile", document.PolicyFile);
        json.WriteOptionalString("criteriaFile", document.CriteriaFile);
        json.WriteOptionalString("approvalsFile", document.ApprovalsFile);
        json.WriteStartArray("tests");
        foreach (var test in document.Tests)
        {
            WriteTest(json, test);
        }

        json.WriteEndArray();
        json.WriteOptionalString("owner", document.Owner);
        if (document.Environments is { } environments)
        {
            json.WriteStrings("environments", environments);
        }

        json.WriteEndObject();
    }

    private static void WriteTest(Utf8JsonWriter json, AgentTest test)
    {
        json.WriteStartObject();
        json.WriteString("id", test.Id);
        json.WriteString("typeName", test.TypeName);
        json.WriteString("methodName", test.MethodName);
        if (test.InheritedBy.Count > 0)
        {
            json.WriteStrings("inheritedBy", test.InheritedBy);
        }

        json.WriteString("agent", test.Agent);
        json.WriteStartObject("evidence");
        json.WriteOptionalString("model", test.Evidence.Model);
        json.WriteOptionalString("session", test.Evidence.Session);
        json.WriteOptionalString("prompt", test.Evidence.Prompt);
        json.WriteEndObject();
        json.WriteStrings("criteria", test.Criteria);
        json.WriteString("fingerprint", test.Fingerprint);
        if (test.Source is { } source)
        {
            json.WriteStartObject("source");
            json.WriteString("file", source.File);
            json.WriteNumber("line", source.Line);
            json.WriteEndObject();
        }

        if (test.CannotFail is { } cannotFail)
        {
            json.WriteStartObject("cannotFail");
            json.WriteString("reason", cannotFail.ReasonName);
            json.WriteString("detail", cannotFail.Detail);
            json.WriteEndObject();
        }

        if (test.Approval is { } approval)
        {
            json.WriteStartObject("approval");
            json.WriteString("state", ApprovalStates.Name(approval.State));
            json.WriteOptionalString("approver", approval.Approver);
            if (approval.At is { } at)
            {
                json.WriteString("at", at);
            }

            json.WriteOptionalString("approvedFingerprint", approval.ApprovedFingerprint);
            if (approval.Rejection is { } rejection)
            {
                json.WriteString("rejectedBy", rejection.By);
                json.WriteString("rejectedAt", rejection.At);
                json.WriteString("rejectionReason", rejection.Reason);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }
}
