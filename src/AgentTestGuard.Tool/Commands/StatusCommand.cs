using System.CommandLine;
using AgentTestGuard.Inventory;
using AgentTestGuard.Tool.Cli;
using AgentTestGuard.Tool.Evidence;
using AgentTestGuard.Tool.Workspace;

namespace AgentTestGuard.Tool.Commands;

/// <summary>`dotnet agt status [path]`: every agent test with its review state and the evidence of its runs at its current fingerprint.</summary>
internal static class StatusCommand
{
    public static Command Create(Output output)
    {
        var path = new Argument<string?>("path") { Description = "A solution, project or folder (default: the current folder).", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var runs = new Option<string[]>("--runs")
        {
            Description = "Run records (files, or folders searched below) the evidence comes from; default: every TestResults folder of the repository.",
            AllowMultipleArgumentsPerToken = true,
        };
        var build = new BuildOptions();
        var command = new Command("status", "List every agent test: approved, quarantined (unapproved), stale or rejected; agent, criteria, source.")
        {
            path,
            json,
            runs,
        };
        build.AddTo(command);
        command.SetAction(result => build.Read(result, output) is { } settings
            ? Run(result.GetValue(path), result.GetValue(json), result.GetValue(runs) ?? [], settings, output)
            : ExitCodes.Usage);
        return command;
    }

    private static int Run(string? path, bool json, IReadOnlyList<string> records, BuildSettings settings, Output output)
    {
        if (RepositoryWorkspace.Load(path, output, WorkspaceNeeds.AgentTests, settings) is not { } workspace
            || EvidenceSources.Load(workspace.Folder, workspace.Rows, records, output) is not { } sources)
        {
            return ExitCodes.Error;
        }

        Write(workspace.Rows, sources, json, output);
        return ExitCodes.Success;
    }

    /// <summary>The listing, as a table or as JSON, once the tests and their evidence are read.</summary>
    internal static void Write(IReadOnlyList<AgentTestRow> rows, EvidenceSources sources, bool json, Output output)
    {
        if (json)
        {
            StatusJson.Write(rows, sources, output);
            return;
        }

        if (rows.Count == 0)
        {
            output.Line("No agent tests.");
            return;
        }

        var here = Directory.GetCurrentDirectory();
        var table = rows.Select(r => (Row: r, Evidence: sources.Of(r))).Select(t => new[]
        {
            t.Row.StateName,
            Output.Inert(t.Row.Test.Id),
            Output.Inert(t.Row.Test.Agent),
            Output.Inert(string.Join(", ", t.Row.Test.Criteria)),
            t.Evidence.Runs.ToString(System.Globalization.CultureInfo.InvariantCulture),
            t.Evidence.PassingRuns.ToString(System.Globalization.CultureInfo.InvariantCulture),
            t.Evidence.FailingRuns.ToString(System.Globalization.CultureInfo.InvariantCulture),
            t.Evidence.Flaky ? "yes" : t.Evidence.Runs == 0 ? "-" : "no",
            t.Evidence.CannotFail is null ? "no" : "yes",
            t.Row.Test.Source is { } source ? Output.Inert($"{Path.GetRelativePath(here, source.File)}:{source.Line}") : "",
        }).ToList();
        output.Table(["STATE", "TEST", "AGENT", "CRITERIA", "RUNS", "PASSED", "FAILED", "FLAKY", "CANNOT FAIL", "SOURCE"], table, (_, column, cell) => column switch
        {
            0 => PaintState(output, cell),
            7 or 8 when cell.TrimEnd() == "yes" => output.Red(cell),
            _ => cell,
        });
        var counts = rows.GroupBy(r => r.StateName).ToDictionary(g => g.Key, g => g.Count());
        output.Line();
        output.Line($"{rows.Count} agent tests: {Count(counts, "approved")} approved, {Count(counts, "quarantined")} quarantined, {Count(counts, "stale")} stale, {Count(counts, "rejected")} rejected"
            + (counts.ContainsKey("gating") ? $", {Count(counts, "gating")} gating (unapproved, in a project without quarantine: AGT0016)." : "."));
        output.Line(output.Dim($"Runs at each test's current fingerprint, from {Count(sources.Runs.Count, "run record")} ({Count(sources.Runs.Select(r => r.Assembly).Distinct().Count(), "assembly", "assemblies")})."));
        WriteOlderApprovals(rows, output);
    }

    /// <summary>
    /// Approvals bound to a fingerprint of an earlier version are stale whether the test changed or not: the
    /// one-time re-review after an upgrade that changed how fingerprints are computed. Listed with the command.
    /// </summary>
    private static void WriteOlderApprovals(IReadOnlyList<AgentTestRow> rows, Output output)
    {
        var older = rows
            .Where(r => r.StateName == "stale" && Fingerprint.PredatesCurrentVersion(r.Test.Approval?.ApprovedFingerprint ?? string.Empty))
            .ToList();
        if (older.Count == 0)
        {
            return;
        }

        output.Line();
        output.Line($"{older.Count} of the stale approvals were made before fingerprint version {Fingerprint.CurrentVersion}, which fingerprints a test's source instead of its compiled code (docs/fingerprint.md): they are stale once, edited or not. Review each test and approve it again:");
        foreach (var row in older)
        {
            output.Line($"  dotnet agt approve {AgentTestGuard.Inert.ShellArgument(row.Test.Id)}");
        }
    }

    private static int Count(Dictionary<string, int> counts, string state) => counts.GetValueOrDefault(state);

    private static string PaintState(Output output, string cell) => cell.TrimEnd() switch
    {
        "approved" => output.Green(cell),
        "rejected" => output.Red(cell),
        _ => output.Yellow(cell),
    };

    private static string Count(int count, string noun, string? plural = null) => count == 1 ? $"1 {noun}" : $"{count} {plural ?? noun + "s"}";
}
