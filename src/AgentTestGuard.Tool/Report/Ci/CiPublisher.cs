using AgentTestGuard.FileSystem;
using AgentTestGuard.Tool.Cli;
using AgentTestGuard.Tool.Report.Markdown;
using AgentTestGuard.Tool.Report.Model;

namespace AgentTestGuard.Tool.Report.Ci;

/// <summary>
/// Writes the report where each CI shows it: annotations in the CI's own command format on standard
/// output, and the Markdown report as the job's summary (GitHub: appended to $GITHUB_STEP_SUMMARY;
/// Azure Pipelines: a file attached with task.uploadsummary).
/// </summary>
internal static class CiPublisher
{
    /// <param name="markdownFile">The Markdown report's file when the command wrote one: Azure attaches it rather than a copy.</param>
    /// <param name="variable">Reads an environment variable (a seam for tests).</param>
    public static void Publish(QuarantineReport report, CiTargets targets, string? markdownFile, Func<string, string?> variable, Output output)
    {
        var annotations = ReportAnnotations.Of(report);
        if (targets.GitHub)
        {
            foreach (var annotation in annotations)
            {
                output.Line(GitHubActions.Command(annotation));
            }

            if (variable(GitHubActions.SummaryVariable) is { Length: > 0 } summary)
            {
                // The runner gives each step its own summary file and expects appends (other steps' tools add theirs).
                File.AppendAllText(summary, Render(report) + "\n");
            }
            else
            {
                output.Progress($"{GitHubActions.SummaryVariable} is not set: no job summary written.");
            }
        }

        if (targets.Azure)
        {
            foreach (var annotation in annotations)
            {
                output.Line(AzurePipelines.Command(annotation));
            }

            var file = markdownFile ?? Path.Combine(variable("AGENT_TEMPDIRECTORY") is { Length: > 0 } temp ? temp : Path.GetTempPath(), new MarkdownReport().DefaultFileName);
            if (markdownFile is null)
            {
                AtomicFile.WriteAllText(file, Render(report));
            }

            output.Line(AzurePipelines.UploadSummary(Path.GetFullPath(file)));
        }
    }

    private static string Render(QuarantineReport report)
    {
        using var text = new StringWriter();
        new MarkdownReport().Write(report, text);
        return text.ToString();
    }
}
