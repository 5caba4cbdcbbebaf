namespace AgentTestGuard.History.Records;

/// <summary>Why a run record could not be read, and where: a line and column, or a JSON path.</summary>
internal sealed record RecordProblem(string Path, string Position, string Message)
{
    public override string ToString() => $"{Path}({Position}): {Message}";
}
