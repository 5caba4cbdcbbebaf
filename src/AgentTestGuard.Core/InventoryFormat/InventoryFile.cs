using AgentTestGuard.FileSystem;
using AgentTestGuard.Json;

namespace AgentTestGuard.InventoryFormat;

/// <summary>
/// Writes and reads <see cref="InventoryDocument"/>s (docs/files.md).
/// </summary>
/// <remarks>
/// Read and written by hand with the JSON reader and writer rather than the serializer: every
/// test run reads the inventory once and every build writes it once, so the first use in a
/// process is what counts, and there System.Text.Json's source generator is measurably slower.
/// build/benchmark-inventory.sh, 2026-12-06, a 1,500-agent-test inventory, 2-core machine, three
/// fresh processes each: first read 79-119 ms by hand against 205-246 ms generated; first write
/// 54-62 ms by hand against 91-181 ms generated (warm medians 23-28 against 37-38 ms reading).
/// The hand-written reader also names the position of a missing or mistyped property, which the
/// serializer's errors do not say the same way.
/// </remarks>
internal static class InventoryFile
{
    public static string Serialize(InventoryDocument document) =>
        IndentedJson.ToText(json => InventoryWriter.Write(json, document));

    public static void Write(string path, InventoryDocument document) =>
        AtomicFile.Write(path, stream => IndentedJson.Write(stream, json => InventoryWriter.Write(json, document)));

    /// <exception cref="InvalidDataException">The file is not an inventory this version can read.</exception>
    public static InventoryDocument Read(string path) => InventoryReader.Read(path, File.ReadAllBytes(path));
}
