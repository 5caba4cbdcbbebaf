using System.CommandLine;
using AgentTestGuard.FileSystem;
using AgentTestGuard.Tool.Cli;
using AgentTestGuard.Tool.Commands;
using AgentTestGuard.Tool.History;
using AgentTestGuard.Tool.Report.Building;
using AgentTestGuard.Tool.Report.Ci;
using AgentTestGuard.Tool.Report.Html;
using AgentTestGuard.Tool.Report.Json;
using AgentTestGuard.Tool.Report.Markdown;
using AgentTestGuard.Tool.Report.Model;
using AgentTestGuard.Tool.Report.Sources;
using AgentTestGuard.Tool.Report.Terminal;
using AgentTestGuard.Tool.Report.Timing;

namespace AgentTestGuard.Tool.Report;

/// <summary>
/// `dotnet agt report [path]`: the quarantine report (docs/report.md) on the terminal, and with
/// --json / --markdown / --html in those formats (to a file, or without one to standard output); in
/// CI also the CI's annotations and job summary.
/// </summary>
internal static class ReportCommand
{
    /// <summary>The formats a `--format [file]` option selects, in the order they are written.</summary>
    private static readonly IReadOnlyList<IReportRenderer> Renderers = [new JsonReport(), new MarkdownReport(), new HtmlReportRenderer()];

    public static Command Create(Output output, Func<string, string?>? variable = null, Func<DateTimeOffset>? clock = null)
    {
        variable ??= Environment.GetEnvironmentVariable;
        clock ??= () => DateTimeOffset.UtcNow;
        var path = new Argument<string?>("path") { Description = "A solution, project or folder (default: the current folder).", Arity = ArgumentArity.ZeroOrOne };
        var runs = new Option<string[]>("--runs") { Description = "Run records (*.agentrun.json) or folders of them (default: every TestResults folder of the repository).", AllowMultipleArgumentsPerToken = true };
        var store = HistoryCommand.StoreOption();
        var github = new Option<bool>("--github") { Description = "Also write GitHub Actions annotations and job summary (automatic when GITHUB_ACTIONS=true)." };
        var azure = new Option<bool>("--azdo") { Description = "Also write Azure Pipelines issues and build summary (automatic when TF_BUILD=True)." };
        var formats = Renderers.Select(r => (Renderer: r, Option: new Option<string?>(r.Option)
        {
            Description = r is HtmlReportRenderer
                ? $"Write the report as HTML to a file (default: {r.DefaultFileName}; '-': standard output)."
                : $"Write the report as {r.Option[2..].ToUpperInvariant()} to a file (default: standard output).",
            Arity = ArgumentArity.ZeroOrOne,
        })).ToList();
        var build = new BuildOptions();
        var command = new Command("report", "The quarantine report: agent tests quarantined first, with why, their runs, metrics and the commands to approve.")
        {
            path, runs, store, github, azure,
        };
        foreach (var (_, option) in formats)
        {
            command.Options.Add(option);
        }

        build.AddTo(command);
        command.SetAction(result =>
        {
            ReportTimings.Mark("start: report's action");
            if (build.Read(result, output) is not { } settings)
            {
                return ExitCodes.Usage;
            }

            // Markdown or JSON named without a file goes to standard output (they are piped); only one
            // format can. A page is opened from a file: HTML without one goes to agenttestguard-report.html.
            var chosen = formats
                .Where(f => result.GetResult(f.Option) is not null)
                .Select(f => new ReportTarget(f.Renderer, Destination(f.Renderer, result.GetValue(f.Option))))
                .ToList();
            var targets = CiTargets.Detect(result.GetValue(github), result.GetValue(azure), variable);
            if (chosen.Count(t => t.File is null) > (targets.Any ? 0 : 1))
            {
                output.Error(targets.Any
                    ? "in CI the annotations go to standard output: give each format a file (--json report.json)."
                    : "only one format can go to standard output: give the others a file (--markdown report.md).");
                return ExitCodes.Usage;
            }

            var inputs = ReportSources.Load(result.GetValue(path), result.GetValue(runs) ?? [], result.GetValue(store), settings, clock(), output);
            if (inputs is null)
            {
                return ExitCodes.Error;
            }

            var timing = ReportTimings.Start("build");
            var report = QuarantineReportBuilder.Build(inputs);
            timing.Dispose();
            timing = ReportTimings.Start("write");
            foreach (var target in chosen)
            {
                target.Write(report, output);
            }

            if (chosen.All(t => t.File is not null))
            {
                TerminalSummary.Write(report, output);
            }

            timing.Dispose();
            if (targets.Any)
            {
                CiPublisher.Publish(report, targets, chosen.FirstOrDefault(t => t.Renderer is MarkdownReport)?.File, variable, output);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <returns>The full path to write to; null for standard output ("-", or no file for a piped format).</returns>
    internal static string? Destination(IReportRenderer renderer, string? file) => file switch
    {
        "-" => null,
        { Length: > 0 } => Path.GetFullPath(file),
        _ => renderer is HtmlReportRenderer ? Path.GetFullPath(renderer.DefaultFileName) : null,
    };

    /// <param name="File">Null: standard output.</param>
    private sealed record ReportTarget(IReportRenderer Renderer, string? File)
    {
        public void Write(QuarantineReport report, Output output)
        {
            if (File is null)
            {
                using var text = new StringWriter();
                Renderer.Write(report, text);
                output.Line(text.ToString().TrimEnd('\n'));
                return;
            }

            // Straight to the file (replaced in one step): a report of 10,000 tests is tens of megabytes.
            AtomicFile.Write(File, stream => Renderer.Write(report, stream));
            output.Progress($"wrote {Output.Inert(File)}");
        }
    }
}
