namespace AgentTestGuard.Tool.Report.Html;

/// <summary>
/// The approve and reject commands the page shows and copies, exactly as the report holds them,
/// but sent once as templates: a 10,000-test report would otherwise carry 20,000 near-identical
/// commands. A test refers to a template by number when putting its id in the template's one
/// placeholder gives back its command character for character; otherwise it carries the command.
/// </summary>
internal sealed class HtmlCommands
{
    /// <summary>report.js puts the test's id where this character stands (a control character no template otherwise holds).</summary>
    public const char Placeholder = '\u0001';

    private readonly List<string> templates = [];

    public IReadOnlyList<string> Templates => templates;

    /// <returns>The template's number, or null when the command must be sent whole.</returns>
    public int? Refer(string command, string id)
    {
        var at = id.Length == 0 ? -1 : command.IndexOf(id, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var template = string.Concat(command.AsSpan(0, at), Placeholder.ToString(), command.AsSpan(at + id.Length));
        if (template.Count(c => c == Placeholder) != 1)
        {
            return null;
        }

        var index = templates.IndexOf(template);
        if (index < 0)
        {
            templates.Add(template);
            index = templates.Count - 1;
        }

        return index;
    }
}
