using System.CommandLine;
using AgentTestGuard.Configuration;
using AgentTestGuard.Decisions;
using AgentTestGuard.History.Metrics;
using AgentTestGuard.History.Store;
using AgentTestGuard.Tool.Cli;

namespace AgentTestGuard.Tool.History;

/// <summary>`dotnet agt metrics`: the figures of docs/metrics.md, and for CI (`--check`) the stop rule.</summary>
internal static class MetricsCommand
{
    public static Command Create(Output output)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON (schema in docs/metrics.md) instead of tables." };
        var agent = new Option<string?>("--agent") { Description = "Only this agent's tests and events." };
        var criterion = new Option<string?>("--criterion") { Description = "Only the tests linked to this criterion, and their events." };
        var since = new Option<string?>("--since") { Description = "Only runs and review events since a number of days (30d) or a UTC date (2026-11-01)." };
        var lastRuns = new Option<int?>("--last-runs") { Description = "Only the latest N runs." };
        var includeLocal = new Option<bool>("--include-local") { Description = "Read runs of every environment, not only CI runs." };
        var tests = new Option<bool>("--tests") { Description = "Also list every test's figures (the JSON always has them)." };
        var check = new Option<bool>("--check") { Description = "For CI: exit 1 when an agent's stop rule trips and no human decided since." };
        var store = HistoryCommand.StoreOption();
        var path = HistoryCommand.PathOption();
        var command = new Command("metrics", "Flakiness, defects caught, false alarms, review burden and the stop rule, per agent, criterion and test.")
        {
            json, agent, criterion, since, lastRuns, includeLocal, tests, check, store, path,
        };
        command.SetAction(result =>
        {
            var now = DateTimeOffset.UtcNow;
            DateTimeOffset? start = null;
            if (result.GetValue(since) is { } sinceText)
            {
                if (!SinceOption.TryParse(sinceText, now, out var parsed))
                {
                    output.Error($"--since '{Output.Inert(sinceText)}' is neither a number of days (30d) nor a UTC date (2026-11-01).");
                    return ExitCodes.Usage;
                }

                start = parsed;
            }

            if (result.GetValue(lastRuns) is <= 0)
            {
                output.Error("--last-runs must be a whole number above 0.");
                return ExitCodes.Usage;
            }

            var folder = Path.GetFullPath(result.GetValue(path) ?? ".");
            if (HistoryContext.Load(result.GetValue(path), result.GetValue(store), output) is not { } context
                || ReviewFiles.Load(context, folder, output) is not { } files)
            {
                return ExitCodes.Error;
            }

            using var history = context.Open(output);
            if (history is null)
            {
                return ExitCodes.Error;
            }

            IReadOnlyList<string>? environments = result.GetValue(includeLocal) ? null : ["ci"];
            var query = new HistoryQuery(environments, start, result.GetValue(lastRuns));
            var snapshot = FirstSight.WithCommits(history.Read(query), context.Root);
            var windowStart = start ?? (query.LastRuns is not null && snapshot.Runs.Count > 0 ? snapshot.Runs[0].StartedAt : null);
            var scope = result.GetValue(agent) is null && result.GetValue(criterion) is null ? null : new MetricsScope(result.GetValue(agent), result.GetValue(criterion));
            var report = MetricsCalculator.Compute(snapshot, files.Reviews, now, windowStart, scope);
            var rule = context.Policy?.StopRule ?? StopRule.Default;
            // Every run of the environments was read already unless the command narrowed the window.
            var whole = query.Since is null && query.LastRuns is null ? snapshot : null;
            var rules = StopRules.Evaluate(history, files.Reviews, rule, environments, now, whole)
                .ToDictionary(p => p.Key, p => new AgentStopRule(p.Value, AgentDecision.Latest(files.Decisions, p.Key)), StringComparer.Ordinal);
            var view = new MetricsView(report, rules, query, history.Description);
            if (result.GetValue(json))
            {
                MetricsJson.Write(view, output);
            }
            else
            {
                MetricsTable.Write(view, result.GetValue(tests), output);
            }

            return result.GetValue(check) ? StopRuleCheck.Report(rules, files.DecisionsFile, output) : ExitCodes.Success;
        });
        return command;
    }
}

/// <summary>What `metrics` shows: the report, each agent's stop rule, the window and the store.</summary>
internal sealed record MetricsView(MetricsReport Report, IReadOnlyDictionary<string, AgentStopRule> StopRules, HistoryQuery Query, string Store);
