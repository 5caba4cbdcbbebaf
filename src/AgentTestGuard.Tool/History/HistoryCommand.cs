using System.CommandLine;
using AgentTestGuard.History.Import;
using AgentTestGuard.Tool.Cli;

namespace AgentTestGuard.Tool.History;

/// <summary>`dotnet agt history import [paths...]`: adds run records to the history (docs/metrics.md).</summary>
internal static class HistoryCommand
{
    public static Command Create(Output output)
    {
        var command = new Command("history", "The history of test runs the metrics are computed from.");
        command.Subcommands.Add(Import(output));
        return command;
    }

    internal static Option<string?> StoreOption() => new("--store")
    {
        Description = "The history: a file path, or a PostgreSQL connection string (default: AGENTTESTGUARD_HISTORY, the policy's historyStore, or .agenttestguard/history.sqlite).",
    };

    internal static Option<string?> PathOption() => new("--path")
    {
        Description = "A folder in the repository (default: the current folder).",
    };

    private static Command Import(Output output)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Run records (*.agentrun.json), or folders searched for them (default: every TestResults folder in the repository).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var store = StoreOption();
        var path = PathOption();
        var command = new Command("import", "Add run records to the history; records already there are left as they are.") { paths, store, path };
        command.SetAction(result =>
        {
            if (HistoryContext.Load(result.GetValue(path), result.GetValue(store), output) is not { } context)
            {
                return ExitCodes.Error;
            }

            var given = result.GetValue(paths) ?? [];
            var (files, missing) = RecordFiles.Expand(given.Length > 0 ? given : RecordFiles.DefaultFolders(context.Root));
            foreach (var gone in missing)
            {
                output.Error($"{Output.Inert(gone)}: no such file or folder.");
            }

            if (missing.Count > 0)
            {
                return ExitCodes.Usage;
            }

            using var history = context.Open(output);
            if (history is null)
            {
                return ExitCodes.Error;
            }

            var summary = HistoryImporter.Import(history, files);
            foreach (var problem in summary.Problems)
            {
                output.Error($"{Output.Inert(problem.ToString())} (skipped)");
            }

            output.Line($"imported {summary.Added} run(s); {summary.AlreadyStored} already in the history; {summary.Problems.Count} skipped  {output.Dim($"({Output.Inert(history.Description)})")}");
            if (summary.Added > 0 && !FalseAlarmRecorder.Record(context, history, Path.GetFullPath(result.GetValue(path) ?? "."), output))
            {
                return ExitCodes.Error;
            }

            return summary.Problems.Count > 0 ? ExitCodes.CheckFailed : ExitCodes.Success;
        });
        return command;
    }
}
