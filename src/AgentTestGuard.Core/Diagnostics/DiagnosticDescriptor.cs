namespace AgentTestGuard.Diagnostics;

/// <summary>A stable diagnostic code with its severity and documentation anchor.</summary>
internal sealed record DiagnosticDescriptor(string Code, DiagnosticSeverity Severity, string Title)
{
    private const string DocsBase = "https://github.com/agenttestguard/agenttestguard/blob/main/docs/diagnostics.md";

    public string HelpLink => $"{DocsBase}#{Code.ToLowerInvariant()}";

    public Diagnostic At(string? file, int line, int column, string message) => new(this, message, file, line, column);

    public Diagnostic At(string? file, string message) => new(this, message, file);
}
