namespace AgentTestGuard.Tool.Report.Html;

/// <summary>
/// Values many tests share (assembly, state, agent, source file, failure message...), sent once
/// in the page's data and referred to by number: in a 10,000-test report most of them repeat
/// thousands of times.
/// </summary>
internal sealed class HtmlStrings
{
    private readonly Dictionary<string, int> numbers = new(StringComparer.Ordinal);
    private readonly List<string> values = [];

    public IReadOnlyList<string> Values => values;

    /// <returns>The value's number in <see cref="Values"/>, or null for no value.</returns>
    public int? Refer(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (!numbers.TryGetValue(value, out var number))
        {
            number = values.Count;
            numbers.Add(value, number);
            values.Add(value);
        }

        return number;
    }
}
