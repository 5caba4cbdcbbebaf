using AgentTestGuard.FileSystem;
using AgentTestGuard.Json;

namespace AgentTestGuard.InventoryFormat;

/// <summary>
/// Writes and reads <see cref="InventoryDocument"/>s (docs/files.md).
/// </summary>
/// <remarks>
/// Read and written by hand with the JSON reader and writer rather than the serializer: every
/// test run reads the inventory, and the serializer's first use compiles a few hundred methods
/// at run time, which cost more than the rest of reading it (build/benchmark-run.sh).
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
