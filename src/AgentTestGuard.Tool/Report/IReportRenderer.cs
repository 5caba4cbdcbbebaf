using System.Text;
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

    /// <summary>
    /// The report as UTF-8 (no byte order mark) to a file's stream, left open; by default through
    /// <see cref="Write(QuarantineReport, TextWriter)"/>. A format can write its bytes itself.
    /// </summary>
    void Write(QuarantineReport report, Stream file) => WriteAsText(this, report, file);

    /// <summary>The renderer's text as UTF-8 (no byte order mark) to a stream left open.</summary>
    static void WriteAsText(IReportRenderer renderer, QuarantineReport report, Stream file)
    {
        using var text = new StreamWriter(file, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
        renderer.Write(report, text);
    }
}
