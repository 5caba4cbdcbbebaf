using AgentTestGuard.Diagnostics;

namespace AgentTestGuard.Inventory;

/// <summary>The agent tests found in one test assembly, sorted by id, and what went wrong finding them.</summary>
internal sealed record ScanResult(string AssemblyName, IReadOnlyList<AgentTest> Tests, IReadOnlyList<Diagnostic> Diagnostics);
