namespace AgentTestGuard.Inventory;

/// <summary>
/// How a fingerprint is written: "v2:" and 32 lowercase hex digits. The version says how it was computed
/// (docs/fingerprint.md); an approval bound to an older version's fingerprint is stale, and says so. Version 1
/// fingerprints (hashes of the compiled IL) were the 32 digits alone.
/// </summary>
internal static class Fingerprint
{
    public const int CurrentVersion = 2;

    public const string Prefix = "v2:";

    private const int Digits = 32;

    /// <summary>The version a fingerprint was computed with (1 for the bare digits), or 0 when it is not one.</summary>
    public static int VersionOf(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == Digits)
        {
            return IsHex(value) ? 1 : 0;
        }

        var colon = value.IndexOf(':', StringComparison.Ordinal);
        return colon > 1 && value[0] == 'v' && value.Length - colon - 1 == Digits && IsHex(value.AsSpan(colon + 1))
            && int.TryParse(value.AsSpan(1, colon - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version)
            && version >= 2 && value[1] != '0'
            ? version
            : 0;
    }

    /// <summary>Whether the value is a fingerprint of this or an earlier version.</summary>
    public static bool IsValid(string value) => VersionOf(value) > 0;

    /// <summary>True when the approved fingerprint was computed by an earlier version than the current one.</summary>
    public static bool PredatesCurrentVersion(string approved) => VersionOf(approved) is > 0 and < CurrentVersion;

    private static bool IsHex(ReadOnlySpan<char> digits)
    {
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c) && c is not (>= 'a' and <= 'f'))
            {
                return false;
            }
        }

        return true;
    }
}
