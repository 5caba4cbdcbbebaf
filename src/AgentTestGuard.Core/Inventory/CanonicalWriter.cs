using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AgentTestGuard.Inventory;

/// <summary>
/// The canonical text a fingerprint hashes: one line per fact, a tag and length-prefixed parts, so that no
/// content (a string literal with spaces or newlines, say) can make two different tests read the same.
/// The text is hashed as it is written, through a small reused buffer, instead of being built up first:
/// a suite's tests would otherwise allocate tens of megabytes of text that is read once.
/// </summary>
internal sealed class CanonicalWriter : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _buffer = new byte[8192];
    private readonly StringBuilder? _text;
    private int _used;

    /// <param name="keepText">Also keep the text, for tests that explain why two fingerprints differ.</param>
    public CanonicalWriter(bool keepText = false)
    {
        _text = keepText ? new StringBuilder() : null;
    }

    public void Line(string tag, params string[] parts)
    {
        BeginLine(tag);
        foreach (var part in parts)
        {
            Part(part);
        }

        EndLine();
    }

    // Line by line pieces, for the IL writer's one line per instruction, which would otherwise
    // allocate an array and a string for every operand.
    public void BeginLine(string tag) => Append(tag);

    public void Part(string part) => Part(part.AsSpan());

    public void Part(ReadOnlySpan<char> part)
    {
        Append(' ');
        Append(part.Length);
        Append(':');
        Append(part);
    }

    /// <summary>Writes the same as <c>Part(number.ToString(InvariantCulture))</c>, without the string.</summary>
    public void Part(long number)
    {
        Span<char> digits = stackalloc char[20];
        number.TryFormat(digits, out var length, provider: CultureInfo.InvariantCulture);
        Append(' ');
        Append(length);
        Append(':');
        foreach (var digit in digits[..length])
        {
            Append(digit);
        }
    }

    public void EndLine() => Append('\n');

    /// <summary>
    /// The first 16 bytes of the SHA-256 of the text written since the last call, as 32 lowercase hex
    /// characters; the writer then starts a new text.
    /// </summary>
    public string Hash()
    {
        Flush();
        Span<byte> hash = stackalloc byte[32];
        _hash.GetHashAndReset(hash);
        _text?.Clear();
        return Convert.ToHexString(hash[..16]).ToLowerInvariant();
    }

    /// <summary>The text written since the last <see cref="Hash"/>, when kept.</summary>
    public override string ToString() => _text?.ToString() ?? throw new InvalidOperationException("The text was not kept.");

    public void Dispose() => _hash.Dispose();

    private void Append(char ascii)
    {
        if (_used == _buffer.Length)
        {
            Flush();
        }

        _buffer[_used++] = (byte)ascii;
        _text?.Append(ascii);
    }

    private void Append(int number)
    {
        if (!number.TryFormat(_buffer.AsSpan(_used), out var written, provider: CultureInfo.InvariantCulture))
        {
            Flush();
            number.TryFormat(_buffer, out written, provider: CultureInfo.InvariantCulture);
        }

        _text?.Append(number.ToString(CultureInfo.InvariantCulture));
        _used += written;
    }

    private void Append(ReadOnlySpan<char> value)
    {
        _text?.Append(value);
        if (Encoding.UTF8.GetMaxByteCount(value.Length) > _buffer.Length - _used)
        {
            Flush();
            if (Encoding.UTF8.GetMaxByteCount(value.Length) > _buffer.Length)
            {
                _hash.AppendData(Encoding.UTF8.GetBytes(value.ToArray()));
                return;
            }
        }

        _used += Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_used));
    }

    private void Flush()
    {
        _hash.AppendData(_buffer, 0, _used);
        _used = 0;
    }
}
