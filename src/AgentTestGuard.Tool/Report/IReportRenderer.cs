using AgentTestGuard.Tool.Report.Model;

namespace AgentTestGuard.Tool.Report;

/// <summary>
/// One format of the report (Markdown, JSON, HTML): writes the whole report to a writer. The
/// renderer escapes every value an agent could have written for its own format; the model holds
/// them raw.
/// </summary>
internal interface IReportRenderer
{
    /// <summary>The option that selects it ("--html") and the file it writes by default ("agenttestguard-report.html").</summary>
    string Option { get; }

    string DefaultFileName { get; }

    void Write(QuarantineReport report, TextWriter writer);
}
