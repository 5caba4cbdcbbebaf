using AgentTestGuard.Diagnostics;

namespace AgentTestGuard.Inventory;

/// <summary>The agent tests found in one test assembly, sorted by id, and what went wrong finding them.</summary>
internal sealed record ScanResult(string AssemblyName, IReadOnlyList<AgentTest> Tests, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>
    /// For each test found to call no assertion (by id), the methods it and its helpers call: the policy's
    /// <c>assertions</c> patterns are matched against them once the policy is read (<see cref="Assertions.CannotFailFindings"/>).
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<Assertions.CalledMethod>> UnassertedCalls { get; init; } =
        new Dictionary<string, IReadOnlyList<Assertions.CalledMethod>>();
}
