using AgentTestGuard.Approvals;
using AgentTestGuard.Inventory;
using AgentTestGuard.InventoryFormat;
using AgentTestGuard.TestingPlatform.Classification;
using AgentTestGuard.TestingPlatform.Results;

namespace AgentTestGuard.TestingPlatform.Tests.TestSupport;

/// <summary>Builds inventory entries, inventories and results the way the build and the platform would.</summary>
internal static class Make
{
    public const string Dana = "Dana Lee <dana@example.com>";
    public const string Fingerprint = "v2:0123456789abcdef0123456789abcdef";
    public const string OlderFingerprint = "v2:fedcba9876543210fedcba9876543210";

    /// <summary>A fingerprint as AgentTestGuard wrote them before fingerprint version 2 (the compiled code's hash).</summary>
    public const string Version1Fingerprint = "fedcba9876543210fedcba9876543210";

    public static readonly DateTimeOffset Noon = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    /// <param name="id">namespace.type.method</param>
    /// <param name="state">The approval state from the ledger; null when the ledger was not consulted.</param>
    public static AgentTest Test(string id, ApprovalState? state, string agent = "copilot", IReadOnlyList<string>? criteria = null)
    {
        var dot = id.LastIndexOf('.');
        return new AgentTest(id, id[..dot], id[(dot + 1)..], agent, AgentEvidence.None, criteria ?? [], Fingerprint, Source: null)
        {
            Approval = state switch
            {
                null => null,
                ApprovalState.Unapproved => new TestApproval(ApprovalState.Unapproved),
                ApprovalState.Approved => new TestApproval(ApprovalState.Approved, Dana, Noon, Fingerprint),
                ApprovalState.Stale => new TestApproval(ApprovalState.Stale, Dana, Noon, OlderFingerprint),
                ApprovalState.Rejected => new TestApproval(ApprovalState.Rejected) { Rejection = new TestRejection(Dana, Noon, "asserts the mock") },
                _ => throw new ArgumentOutOfRangeException(nameof(state)),
            },
        };
    }

    public static InventoryDocument Inventory(params AgentTest[] tests) =>
        new(InventoryDocument.CurrentSchemaVersion, "AgentTestGuard 0.1.0", "Shop.Tests", null, null, null, tests) { Owner = Dana };

    public static TestResult Result(
        string id, TestOutcome outcome, TestClass testClass, string? message = null, TimeSpan? duration = null, string? displayName = null) =>
        new(id, displayName ?? id, outcome, duration, message, testClass, Attempts: 1);

    /// <summary>A result of a test that is not an agent test.</summary>
    public static TestResult Gating(string id, TestOutcome outcome, string? message = null) =>
        Result(id, outcome, TestClass.Gating, message);

    /// <summary>A result of an agent test, classified as the extension would.</summary>
    public static TestResult Of(AgentTest test, TestOutcome outcome, string? message = null, TimeSpan? duration = null) =>
        Result(test.Id, outcome, new TestClassifier(Inventory(test)).Classify(test.Id), message, duration);
}
