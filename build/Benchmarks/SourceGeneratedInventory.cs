using System.Text.Json;
using System.Text.Json.Serialization;
using AgentTestGuard.Approvals;
using AgentTestGuard.Inventory;
using AgentTestGuard.InventoryFormat;

namespace AgentTestGuard.Benchmarks;

/// <summary>
/// The inventory format (docs/files.md) read and written by System.Text.Json's source generator,
/// the plain alternative to the hand-written InventoryReader and InventoryWriter, timed against
/// them by <see cref="InventorySerializerTiming"/>. The records mirror the JSON; the mapping to and
/// from <see cref="InventoryDocument"/> is part of what is timed, as the product would need it.
/// It checks less than the hand-written reader (a missing property is not an error here, and no
/// error names a position the way the product's do), which can only make it faster: the figures
/// favour source generation.
/// </summary>
internal static class SourceGeneratedInventory
{
    public static InventoryDocument Read(string path)
    {
        using var stream = File.OpenRead(path);
        var json = JsonSerializer.Deserialize(stream, InventoryJsonContext.Default.InventoryJson)
            ?? throw new InvalidDataException($"{path}: not a valid agent test inventory: null");
        return new InventoryDocument(json.SchemaVersion, json.Generator, json.Assembly, json.PolicyFile, json.CriteriaFile, json.ApprovalsFile, json.Tests.ConvertAll(ToTest))
        {
            Owner = json.Owner,
            Environments = json.Environments,
        };
    }

    public static void Write(Stream stream, InventoryDocument document)
    {
        var json = new InventoryJson(
            document.SchemaVersion, document.Generator, document.Assembly, document.PolicyFile, document.CriteriaFile, document.ApprovalsFile,
            document.Tests.Select(ToJson).ToList(), document.Owner, document.Environments?.ToList());
        JsonSerializer.Serialize(stream, json, InventoryJsonContext.Default.InventoryJson);
        stream.WriteByte((byte)'\n');
    }

    private static AgentTest ToTest(TestJson test) =>
        new(test.Id, test.TypeName, test.MethodName, test.Agent,
            test.Evidence is { Model: null, Session: null, Prompt: null } or null ? AgentEvidence.None : new AgentEvidence(test.Evidence.Model, test.Evidence.Session, test.Evidence.Prompt),
            test.Criteria, test.Fingerprint, test.Source is { } source ? new SourceLocation(source.File, source.Line) : null)
        {
            InheritedBy = test.InheritedBy ?? [],
            Approval = test.Approval is { } approval ? ToApproval(approval) : null,
        };

    private static TestApproval ToApproval(ApprovalJson approval) =>
        new(ApprovalStates.TryParse(approval.State, out var state) ? state : throw new InvalidDataException($"state {approval.State}"), approval.Approver, approval.At, approval.ApprovedFingerprint)
        {
            Rejection = state == ApprovalState.Rejected ? new TestRejection(approval.RejectedBy!, approval.RejectedAt!.Value, approval.RejectionReason!) : null,
        };

    private static TestJson ToJson(AgentTest test) =>
        new(test.Id, test.TypeName, test.MethodName, test.InheritedBy.Count > 0 ? test.InheritedBy.ToList() : null, test.Agent,
            new EvidenceJson(test.Evidence.Model, test.Evidence.Session, test.Evidence.Prompt),
            test.Criteria.ToList(), test.Fingerprint,
            test.Source is { } source ? new SourceJson(source.File, source.Line) : null,
            test.Approval is { } approval
                ? new ApprovalJson(ApprovalStates.Name(approval.State), approval.Approver, approval.At, approval.ApprovedFingerprint, approval.Rejection?.By, approval.Rejection?.At, approval.Rejection?.Reason)
                : null);
}

internal sealed record InventoryJson(
    int SchemaVersion, string Generator, string Assembly, string? PolicyFile, string? CriteriaFile, string? ApprovalsFile,
    List<TestJson> Tests, string? Owner = null, List<string>? Environments = null);

internal sealed record TestJson(
    string Id, string TypeName, string MethodName, List<string>? InheritedBy, string Agent, EvidenceJson? Evidence,
    List<string> Criteria, string Fingerprint, SourceJson? Source = null, ApprovalJson? Approval = null);

internal sealed record EvidenceJson(string? Model = null, string? Session = null, string? Prompt = null);

internal sealed record SourceJson(string File, int Line);

internal sealed record ApprovalJson(
    string State, string? Approver = null, DateTimeOffset? At = null, string? ApprovedFingerprint = null, string? RejectedBy = null, DateTimeOffset? RejectedAt = null, string? RejectionReason = null);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true,
    NewLine = "\n",
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(InventoryJson))]
internal sealed partial class InventoryJsonContext : JsonSerializerContext;
