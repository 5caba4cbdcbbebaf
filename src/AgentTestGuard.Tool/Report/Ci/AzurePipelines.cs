using System.Globalization;
using System.Text;

namespace AgentTestGuard.Tool.Report.Ci;

/// <summary>
/// Azure Pipelines' logging commands (<c>##vso[task.logissue type=…;sourcepath=…;linenumber=…]message</c>).
/// The agent ends the properties at the first ']' and each at ';', and decodes %AZP25 (a '%'), %3B,
/// %5D, %0D and %0A: a value with those encoded cannot end the command or its line early.
/// </summary>
internal static class AzurePipelines
{
    public const string EnvironmentVariable = "TF_BUILD";

    public static string Command(Annotation annotation)
    {
        var properties = new StringBuilder("type=").Append(annotation.Level == AnnotationLevel.Error ? "error" : "warning").Append(';');
        if (annotation.File is { } file)
        {
            properties.Append("sourcepath=").Append(Escape(file)).Append(';');
            if (annotation.Line is { } line)
            {
                properties.Append("linenumber=").Append(line.ToString(CultureInfo.InvariantCulture)).Append(';');
            }
        }

        return $"##vso[task.logissue {properties}]{Escape(annotation.Title + ": " + annotation.Message)}";
    }

    /// <summary>Attaches a Markdown file to the build's summary page.</summary>
    public static string UploadSummary(string file) => $"##vso[task.uploadsummary]{Escape(file)}";

    public static string Escape(string value)
    {
        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '%' => "%AZP25",
                ';' => "%3B",
                ']' => "%5D",
                '\r' => "%0D",
                '\n' => "%0A",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }
}
