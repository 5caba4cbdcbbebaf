using AgentTestGuard.Tool.Cli;

namespace AgentTestGuard.Tool.History;

/// <summary>`metrics --check`: fails while an agent's stop rule trips without a human decision since, and says what to do.</summary>
internal static class StopRuleCheck
{
    public static int Report(IReadOnlyDictionary<string, AgentStopRule> rules, string decisionsFile, Output output)
    {
        var waiting = rules.Where(r => r.Value.NeedsDecision).OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        foreach (var (agent, rule) in waiting)
        {
            var name = Output.Inert(agent);
            output.Error(
                $"the stop rule for {name} trips since {rule.State.TrippedAt!.Value.UtcDateTime:yyyy-MM-dd HH:mm}Z ({rule.Numbers}) and no human has decided since. "
                + $"A human decides with `dotnet agt stop {name} --reason \"...\"` (the build then refuses its new unapproved tests) "
                + $"or `dotnet agt continue {name} --reason \"...\"`, and commits {Output.Inert(Path.GetFileName(decisionsFile))}.");
        }

        return waiting.Count > 0 ? ExitCodes.CheckFailed : ExitCodes.Success;
    }
}
