using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AgentTestGuard.Inventory;

/// <summary>
/// The canonical text a fingerprint hashes: one line per fact, a tag and length-prefixed parts, so that no
/// content (a string literal with spaces or newlines, say) can make two different tests read the same.
/// </summary>
internal sealed class CanonicalWriter
{
    private readonly StringBuilder text = new();

    public void Line(string tag, params string[] parts)
    {
        text.Append(tag);
        foreach (var part in parts)
        {
            text.Append(' ').Append(part.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(part);
        }

        text.Append('\n');
    }

    /// <summary>The first 16 bytes of the SHA-256 of the text, as 32 lowercase hex characters.</summary>
    public string Hash()
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return Convert.ToHexString(hash, 0, 16).ToLowerInvariant();
    }

    public override string ToString() => text.ToString();
}
