namespace AgentTestGuard.Diagnostics;

internal enum DiagnosticSeverity
{
    Warning,
    Error,
}

/// <summary>
/// A finding to report to the user, with the place it is about. Line and column are 1-based;
/// 0 means unknown (MSBuild's convention).
/// </summary>
internal sealed record Diagnostic(
    DiagnosticDescriptor Descriptor,
    string Message,
    string? File = null,
    int Line = 0,
    int Column = 0)
{
    public string Code => Descriptor.Code;

    public DiagnosticSeverity Severity => Descriptor.Severity;

    /// <summary>The canonical one-line form MSBuild and editors understand.</summary>
    public override string ToString()
    {
        var place = File is null ? "AgentTestGuard" : Line > 0 ? $"{File}({Line},{Math.Max(Column, 1)})" : File;
        var kind = Severity == DiagnosticSeverity.Error ? "error" : "warning";
        return $"{place}: {kind} {Code}: {Message}";
    }
}
