namespace AgentTestGuard.Configuration;

/// <summary>An acceptance criterion from the catalog.</summary>
/// <param name="Line">Where the entry starts in the catalog, for tools that point at it.</param>
internal sealed record Criterion(string Id, string Text, string? Link, int Line);
