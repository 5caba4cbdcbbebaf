using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace AgentTestGuard.Tool.Report.Html;

/// <summary>
/// The page's stylesheet and script (report.css, report.js, embedded in the tool), inlined so the
/// report is one file that opens offline, and the Content-Security-Policy that lets exactly these
/// two run: their SHA-256 hashes, computed from the text inlined, and nothing from anywhere else.
/// </summary>
internal static class HtmlAssets
{
    public static readonly string Style = Read("report.css");

    public static readonly string Script = Read("report.js");

    /// <summary>
    /// No network at all (default-src 'none' covers fetches, images, fonts, frames), only the two
    /// inline blocks, no base or form targets, and Trusted Types: a string assigned to innerHTML
    /// or any other HTML sink throws, so even a slip in the script cannot inject markup.
    /// </summary>
    public static readonly string ContentSecurityPolicy =
        $"default-src 'none'; script-src '{Hash(Script)}'; style-src '{Hash(Style)}'; "
        + "base-uri 'none'; form-action 'none'; require-trusted-types-for 'script'; trusted-types 'none'";

    private static string Hash(string text) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(typeof(HtmlAssets).Namespace + "." + name)
            ?? throw new InvalidOperationException($"The tool is missing its embedded {name}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
