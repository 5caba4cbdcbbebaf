using System.Buffers;
using System.Globalization;

namespace AgentTestGuard.TestingPlatform.Record;

/// <summary>
/// Writes a test's line of the run record without the JSON writer, when none of its strings needs
/// escaping, which is the case for nearly every test: ids, outcomes, agents and fingerprints are
/// plain ASCII, and no test was rerun. The bytes are those the writer would write (RunRecordWriter writes the other lines,
/// and the tests compare the two).
/// </summary>
/// <remarks>
/// The writer checks every string with the runtime's vectorized search, which a test run compiles
/// afresh (it is on the JIT's list of what a run compiled, DOTNET_JitDisasmSummary) and, never
/// reaching the optimized tiers, runs unoptimized. The record is written while the platform ends
/// the run, on the other core, where the TRX report writes its own file. Each string is checked as
/// it is copied, in one loop over locals that the package's precompiled code keeps in registers.
/// Measured with RunRecordWriter against source generation, not by itself: see RunRecordWriter's remarks.
/// </remarks>
internal static class PlainRecordLine
{
    /// <summary>
    /// Characters the JSON writer's default encoder leaves as they are. Deliberately short: no quote,
    /// backslash or control character, and none of the characters it escapes for HTML (&lt; &gt; &amp; ' + `).
    /// </summary>
    internal const string PlainCharacters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 .,_-:;/()[]=";

    // Indexed by character: 1 where it is plain. Only ASCII characters are.
    private static readonly byte[] PlainTable = Table(PlainCharacters);

    /// <summary>
    /// Appends the test as one compact JSON object, with the property names and order of
    /// RunRecordWriter; false, having written nothing, when a string needs the writer.
    /// </summary>
    public static bool TryWrite(IBufferWriter<byte> output, in RunRecordTest test)
    {
        // A rerun test's line is rare, and has messages of its own: the writer writes it.
        if (test.Reruns is not null || test.Flaky is not null)
        {
            return false;
        }

        // Every character takes one byte or stops the line; names, punctuation and numbers fit in the rest.
        var criteria = test.Criteria;
        var length = 256 + test.Id.Length + Length(test.DisplayName) + test.Outcome.Length + Length(test.FailureMessage)
            + test.Classification.Length + Length(test.Approval) + Length(test.Agent) + Length(test.DeclaredAs) + Length(test.Fingerprint);
        if (criteria is not null)
        {
            for (var i = 0; i < criteria.Count; i++)
            {
                length += criteria[i].Length + 3;
            }
        }

        var line = new Line(output.GetSpan(length));
        line.Raw("{\"id\":"u8);
        line.String(test.Id);
        line.Optional(",\"displayName\":"u8, test.DisplayName);
        line.Raw(",\"outcome\":"u8);
        line.String(test.Outcome);
        if (test.DurationMs is { } duration)
        {
            line.Raw(",\"durationMs\":"u8);
            line.Number(duration);
        }

        line.Optional(",\"failureMessage\":"u8, test.FailureMessage);
        line.Raw(",\"attempts\":"u8);
        line.Number(test.Attempts);
        line.Raw(",\"classification\":"u8);
        line.String(test.Classification);
        line.Optional(",\"approval\":"u8, test.Approval);
        line.Optional(",\"agent\":"u8, test.Agent);
        line.Optional(",\"declaredAs\":"u8, test.DeclaredAs);
        line.Optional(",\"fingerprint\":"u8, test.Fingerprint);
        if (criteria is not null)
        {
            line.Raw(",\"criteria\":["u8);
            for (var i = 0; i < criteria.Count; i++)
            {
                if (i > 0)
                {
                    line.Raw(","u8);
                }

                line.String(criteria[i]);
            }

            line.Raw("]"u8);
        }

        line.Raw("}"u8);
        if (!line.IsPlain)
        {
            return false;
        }

        output.Advance(line.Written);
        return true;
    }

    private static int Length(string? text) => text?.Length ?? 0;

    private static byte[] Table(string characters)
    {
        var table = new byte[128];
        foreach (var c in characters)
        {
            table[c] = 1;
        }

        return table;
    }

    /// <summary>The line's bytes, in a span sized for them beforehand; committed only if every string was plain.</summary>
    private ref struct Line(Span<byte> buffer)
    {
        private readonly Span<byte> _buffer = buffer;
        private readonly byte[] _plain = PlainTable;

        public int Written { get; private set; }

        public bool IsPlain { get; private set; } = true;

        public void Raw(ReadOnlySpan<byte> bytes)
        {
            bytes.CopyTo(_buffer[Written..]);
            Written += bytes.Length;
        }

        // A plain character is ASCII: one byte, the same value.
        public void String(string text)
        {
            var buffer = _buffer;
            var plain = _plain;
            var at = Written;
            buffer[at++] = (byte)'"';
            foreach (var c in text)
            {
                if (c >= plain.Length || plain[c] == 0)
                {
                    IsPlain = false;
                    return;
                }

                buffer[at++] = (byte)c;
            }

            buffer[at++] = (byte)'"';
            Written = at;
        }

        public void Optional(ReadOnlySpan<byte> property, string? text)
        {
            if (text is not null)
            {
                Raw(property);
                String(text);
            }
        }

        // As the JSON writer formats numbers: the shortest text that reads back as the same value.
        public void Number(double value)
        {
            value.TryFormat(_buffer[Written..], out var written, provider: CultureInfo.InvariantCulture);
            Written += written;
        }

        public void Number(int value)
        {
            value.TryFormat(_buffer[Written..], out var written, provider: CultureInfo.InvariantCulture);
            Written += written;
        }
    }
}
