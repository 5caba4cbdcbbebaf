using AgentTestGuard.Tool.Cli;

namespace AgentTestGuard.Tool.Report.Terminal;

/// <summary>
/// Text an agent wrote, for a terminal that may be a CI log: inert for the terminal and unable to pass
/// for a CI's logging command (<see cref="Output.Inert"/> breaks Azure Pipelines' <c>##vso[</c>, which
/// it reads anywhere in a line). GitHub reads <c>::</c> only at a line's start, which the summary never
/// gives to such text.
/// </summary>
internal static class LogText
{
    public static string Show(string? value) => Output.Inert(value);
}
