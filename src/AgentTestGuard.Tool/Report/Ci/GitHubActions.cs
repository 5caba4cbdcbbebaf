using System.Globalization;
using System.Text;

namespace AgentTestGuard.Tool.Report.Ci;

/// <summary>
/// GitHub Actions' workflow commands (<c>::error file=…,line=…,title=…::message</c>). The runner reads a
/// command from any line that starts with <c>::</c> (after blanks), and decodes %25, %0D and %0A in it,
/// and also %3A and %2C in properties: encoding those leaves a value no way to end its line or its
/// property and start a command of its own.
/// </summary>
internal static class GitHubActions
{
    public const string EnvironmentVariable = "GITHUB_ACTIONS";

    public const string SummaryVariable = "GITHUB_STEP_SUMMARY";

    public static string Command(Annotation annotation)
    {
        var properties = new List<string>();
        if (annotation.File is { } file)
        {
            properties.Add("file=" + EscapeProperty(file));
            if (annotation.Line is { } line)
            {
                properties.Add("line=" + line.ToString(CultureInfo.InvariantCulture));
            }
        }

        properties.Add("title=" + EscapeProperty(annotation.Title));
        var level = annotation.Level == AnnotationLevel.Error ? "error" : "warning";
        return $"::{level} {string.Join(",", properties)}::{EscapeData(annotation.Message)}";
    }

    public static string EscapeData(string value) => Escape(value, property: false);

    public static string EscapeProperty(string value) => Escape(value, property: true);

    private static string Escape(string value, bool property)
    {
        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '%' => "%25",
                '\r' => "%0D",
                '\n' => "%0A",
                ':' when property => "%3A",
                ',' when property => "%2C",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }
}
