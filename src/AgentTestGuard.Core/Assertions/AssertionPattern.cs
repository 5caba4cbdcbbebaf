using System.Text.RegularExpressions;

namespace AgentTestGuard.Assertions;

/// <summary>
/// One entry of the policy's <c>assertions</c>: <c>Namespace.Type</c> (every method of the type) or
/// <c>Namespace.Type::Method</c>, where <c>*</c> stands for any run of characters
/// (<c>Shop.Testing.Expect</c>, <c>Shop.Testing.*::Check*</c>). Nested types are written Outer+Inner.
/// </summary>
internal sealed class AssertionPattern
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    private readonly Regex type;
    private readonly Regex? method;

    private AssertionPattern(string text, Regex type, Regex? method)
    {
        Text = text;
        this.type = type;
        this.method = method;
    }

    public string Text { get; }

    /// <summary>The pattern; null with <paramref name="error"/> saying why when the text is not one.</summary>
    public static AssertionPattern? TryParse(string text, out string? error)
    {
        error = null;
        var parts = text.Split("::");
        if (parts.Length > 2 || parts.Any(part => part.Length == 0))
        {
            error = $"'{Inert.Quote(text)}' is not an assertion pattern: write Namespace.Type or Namespace.Type::Method, with * for any characters (e.g. \"Shop.Testing.Expect::That*\").";
            return null;
        }

        if (parts.Any(part => part.Any(c => char.IsWhiteSpace(c) || c is ':' or '(' or ')' or ',')))
        {
            error = $"'{Inert.Quote(text)}' is not an assertion pattern: names have no spaces, ':', parentheses or commas; write Namespace.Type or Namespace.Type::Method.";
            return null;
        }

        // A type pattern of wildcards alone would make every call an assertion and silence AGT0020 for good.
        if (parts[0].Trim('*', '.').Length == 0)
        {
            error = $"'{Inert.Quote(text)}' would count every call as an assertion: name the namespace or type of the assertion methods (e.g. \"Shop.Testing.*\").";
            return null;
        }

        return new AssertionPattern(text, Glob(parts[0]), parts.Length == 2 ? Glob(parts[1]) : null);
    }

    public bool Matches(CalledMethod called) =>
        type.IsMatch(called.TypeName) && (method is null || method.IsMatch(called.Name));

    private static Regex Glob(string text) =>
        new("^" + Regex.Escape(text).Replace("\\*", ".*", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant, Timeout);
}
