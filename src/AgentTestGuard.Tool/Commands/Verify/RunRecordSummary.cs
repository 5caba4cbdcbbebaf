using System.Text.Json;

namespace AgentTestGuard.Tool.Commands.Verify;

/// <summary>
/// What `verify` reads of a run record (&lt;assembly&gt;.&lt;time&gt;.&lt;random&gt;.agentrun.json, docs/files.md):
/// how the run was set up, and the tests it treated as approved.
/// </summary>
/// <param name="Inventory">The inventory the run classified tests with; null when it found none.</param>
/// <param name="IgnoredExitCodes">Exit codes the run's platform was told to turn into 0; null when the record does not say.</param>
internal sealed record RunRecordSummary(
    string File, string Assembly, string? Inventory, bool Enforce, IReadOnlyList<int>? IgnoredExitCodes, IReadOnlyList<RunRecordSummary.ApprovedTest> Approved)
{
    /// <param name="Id">The id approvals name: the inventory's (declaredAs) for an inherited test.</param>
    public sealed record ApprovedTest(string Id, string Fingerprint);

    /// <returns>The record, or null with why it cannot be read (with its line and column).</returns>
    public static (RunRecordSummary? Record, string? Problem) Read(string file)
    {
        try
        {
            using var document = JsonDocument.Parse(System.IO.File.ReadAllBytes(file));
            var root = document.RootElement;
            var approved = new List<ApprovedTest>();
            foreach (var test in root.GetProperty("tests").EnumerateArray())
            {
                if (String(test, "classification") == "approved")
                {
                    var id = String(test, "declaredAs") ?? String(test, "id") ?? "";
                    approved.Add(new ApprovedTest(id, String(test, "fingerprint") ?? ""));
                }
            }

            IReadOnlyList<int>? ignored = root.TryGetProperty("ignoredExitCodes", out var codes) && codes.ValueKind == JsonValueKind.Array
                ? [.. codes.EnumerateArray().Where(c => c.ValueKind == JsonValueKind.Number).Select(c => c.GetInt32())]
                : null;
            return (new RunRecordSummary(
                file,
                String(root, "assembly") ?? "",
                String(root, "inventory"),
                !root.TryGetProperty("enforce", out var enforce) || enforce.ValueKind != JsonValueKind.False,
                ignored,
                approved), null);
        }
        catch (JsonException e)
        {
            return (null, $"{file}({(e.LineNumber ?? 0) + 1},{(e.BytePositionInLine ?? 0) + 1}): not valid JSON: {e.Message}");
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException or IOException or UnauthorizedAccessException)
        {
            return (null, $"{file}: not a run record this version can read: {e.Message}");
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
