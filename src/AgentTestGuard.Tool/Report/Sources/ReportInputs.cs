using AgentTestGuard.Configuration;
using AgentTestGuard.Tool.History;
using AgentTestGuard.Tool.Workspace;

namespace AgentTestGuard.Tool.Report.Sources;

/// <summary>Everything the report is built from, read once; the builder computes nothing from files.</summary>
/// <param name="Root">The repository's root folder; paths in the report are relative to it.</param>
/// <param name="Rows">The agent tests of the test projects, with their review state.</param>
/// <param name="Runs">The latest run records read, oldest first.</param>
/// <param name="History">The history's facts; null when there is no history yet.</param>
internal sealed record ReportInputs(
    DateTimeOffset Now,
    string Root,
    Policy? Policy,
    CriteriaCatalog? Catalog,
    IReadOnlyList<AgentTestRow> Rows,
    ReviewFiles Reviews,
    IReadOnlyList<RunRecordDetails> Runs,
    HistoryFacts? History);
