using System.Text;

namespace AgentTestGuard.Json;

/// <summary>
/// The repository's files are UTF-8. Text that is not (a file saved as Latin-1, a truncated
/// multi-byte character) is refused where its first bad byte is, instead of failing later with an
/// exception that names no file.
/// </summary>
internal static class Utf8Validation
{
    /// <exception cref="JsonSyntaxException">The text is not valid UTF-8.</exception>
    public static void ThrowIfInvalid(ReadOnlySpan<byte> utf8, JsonSource source)
    {
        if (System.Text.Unicode.Utf8.IsValid(utf8))
        {
            return;
        }

        var offset = 0;
        while (Rune.DecodeFromUtf8(utf8[offset..], out _, out var consumed) == System.Buffers.OperationStatus.Done)
        {
            offset += consumed;
        }

        var (line, column) = source.PositionOf(offset);
        throw new JsonSyntaxException(
            $"Not valid UTF-8: byte 0x{utf8[offset]:X2} does not start or continue a character. Save the file as UTF-8.", line, column);
    }
}
