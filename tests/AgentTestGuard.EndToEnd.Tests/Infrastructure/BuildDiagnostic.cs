using System.Text.RegularExpressions;

namespace AgentTestGuard.EndToEnd.Tests.Infrastructure;

/// <summary>One AgentTestGuard diagnostic as MSBuild printed it.</summary>
internal sealed partial record BuildDiagnostic(string File, int Line, string Severity, string Code, string Message)
{
    public override string ToString() => $"{File}({Line}): {Severity} {Code}: {Message}";

    /// <summary>Reads every distinct AGT diagnostic from console logger output.</summary>
    public static IReadOnlyList<BuildDiagnostic> Parse(string output) =>
        output.Split('\n')
            .Select(line => Pattern().Match(line.Trim()))
            .Where(m => m.Success)
            .Select(m => new BuildDiagnostic(
                m.Groups["file"].Value.Trim(),
                m.Groups["line"].Success ? int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0,
                m.Groups["severity"].Value,
                m.Groups["code"].Value,
                m.Groups["message"].Value.Trim()))
            .Distinct()
            .ToList();

    // file(line) or file(line,column) or file, then ": error AGT0001: message [project]"
    [GeneratedRegex(@"^(?<file>[^(]+?)(\((?<line>\d+)(,\d+)?\))?\s*:\s*(?<severity>error|warning)\s+(?<code>AGT\d{4})\s*:\s*(?<message>.*?)(\s+\[[^\]]+\])?$")]
    private static partial Regex Pattern();
}
