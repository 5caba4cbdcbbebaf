using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace AgentTestGuard.Tool.Report.Html;

/// <summary>
/// The one place the HTML report turns text into markup. Everything that came from test code or
/// an agent (names, messages, reasons, criteria) passes through <see cref="Encode"/> before it
/// reaches the page, and through <see cref="SafeLink"/> before it becomes an address.
/// </summary>
internal static class HtmlText
{
    // Every script and language stays readable; the encoder still escapes < > & " ' and
    // characters that are unsafe in HTML (controls, unpaired surrogates).
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>
    /// Text, safe both between tags and inside a double-quoted attribute. Controls and
    /// bidirectional overrides are first made visible as \uXXXX (<see cref="Inert"/>), as in the
    /// tool's terminal output, so they cannot disguise a name.
    /// </summary>
    public static string Encode(string? text) => string.IsNullOrEmpty(text) ? string.Empty : Encoder.Encode(Inert.Quote(text));

    /// <summary>
    /// The address when it is an absolute http or https one; null for anything else
    /// (javascript:, data:, relative paths, malformed text), which the page shows as text.
    /// </summary>
    public static string? SafeLink(string? address) =>
        Uri.TryCreate(address?.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.AbsoluteUri
            : null;

    /// <summary>A link that leaves the report for the address, or the text alone when the address is not a safe link.</summary>
    public static string Link(string? address, string text) => SafeLink(address) is { } safe
        ? $"<a href=\"{Encode(safe)}\" rel=\"noopener noreferrer\" target=\"_blank\">{Encode(text)}</a>"
        : Encode(text);
}
