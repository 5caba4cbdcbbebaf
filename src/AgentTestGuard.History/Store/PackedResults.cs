using System.Buffers.Binary;
using AgentTestGuard.History.Records;

namespace AgentTestGuard.History.Store;

/// <summary>
/// A run's results packed into one value of 12 bytes per result (variant key, 8 bytes; outcome, 1;
/// the attempts' outcomes (<see cref="AttemptOutcomes"/>), 1; attempts, 2; little-endian), stored in
/// one row per run rather than one row per result: on build/benchmark-history.sh's million results,
/// reading them row by row took most of `metrics`' time (7.6 s of 13 s wall on the loaded benchmark
/// machine), and writing them most of the import's. Schema 1 wrote the outcome as two bytes, the
/// second always zero: its rows read as results without listed attempts.
/// </summary>
internal static class PackedResults
{
    private const int Size = 12;

    public static byte[] Pack(IReadOnlyList<ResultRow> rows)
    {
        var bytes = new byte[rows.Count * Size];
        for (var i = 0; i < rows.Count; i++)
        {
            var span = bytes.AsSpan(i * Size, Size);
            BinaryPrimitives.WriteInt64LittleEndian(span, rows[i].Variant);
            span[8] = (byte)rows[i].Outcome;
            span[9] = (byte)rows[i].Listed;
            BinaryPrimitives.WriteUInt16LittleEndian(span[10..], (ushort)Math.Clamp(rows[i].Attempts, 0, ushort.MaxValue));
        }

        return bytes;
    }

    /// <summary>How many results a packed value holds.</summary>
    public static int Count(ReadOnlySpan<byte> bytes) => bytes.Length / Size;

    public static void Unpack(long runKey, ReadOnlySpan<byte> bytes, List<StoredResult> into)
    {
        for (var at = 0; at + Size <= bytes.Length; at += Size)
        {
            var span = bytes.Slice(at, Size);
            into.Add(new StoredResult(
                runKey,
                BinaryPrimitives.ReadInt64LittleEndian(span),
                (Outcome)span[8],
                BinaryPrimitives.ReadUInt16LittleEndian(span[10..]),
                (AttemptOutcomes)span[9]));
        }
    }
}

/// <summary>One result as a run's packed value holds it.</summary>
internal readonly record struct ResultRow(long Variant, Outcome Outcome, int Attempts, AttemptOutcomes Listed);
