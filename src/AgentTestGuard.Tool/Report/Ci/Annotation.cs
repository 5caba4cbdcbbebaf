namespace AgentTestGuard.Tool.Report.Ci;

/// <summary>A finding for the CI's own annotations, placed on the test's source line where it is known.</summary>
/// <param name="File">Relative to the repository's root, with '/'; null for a finding about no file (an agent's stop rule).</param>
/// <param name="Message">One line; values an agent wrote in it are already inert (no control characters).</param>
internal sealed record Annotation(AnnotationLevel Level, string? File, int? Line, string Title, string Message);

internal enum AnnotationLevel
{
    Error,
    Warning,
}
