using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgentTestGuard.Files;

/// <summary>Writes and reads <see cref="InventoryDocument"/>s.</summary>
public static class InventoryFile
{
    public static string Serialize(InventoryDocument document) =>
        JsonSerializer.Serialize(document, InventoryJsonContext.Default.InventoryDocument).ReplaceLineEndings("\n") + "\n";

    public static void Write(string path, InventoryDocument document) =>
        AtomicFile.WriteAllText(path, Serialize(document));

    /// <exception cref="InvalidDataException">The file is not an inventory this version can read.</exception>
    public static InventoryDocument Read(string path)
    {
        InventoryDocument? document;
        try
        {
            using var stream = File.OpenRead(path);
            document = JsonSerializer.Deserialize(stream, InventoryJsonContext.Default.InventoryDocument);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException(
                $"{path}({(e.LineNumber ?? 0) + 1},{(e.BytePositionInLine ?? 0) + 1}): not a valid agent test inventory: {e.Message}", e);
        }

        if (document is null || document.SchemaVersion != InventoryDocument.CurrentSchemaVersion)
        {
            throw new InvalidDataException(
                $"{path}: inventory schema version {document?.SchemaVersion} is not {InventoryDocument.CurrentSchemaVersion}; rebuild the test project with this version of AgentTestGuard.");
        }

        return document;
    }
}

/// <summary>
/// Serialization code generated at compile time: reflection-based System.Text.Json spends tens of
/// milliseconds on first use, and the build writes an inventory in a fresh MSBuild node.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(InventoryDocument))]
internal sealed partial class InventoryJsonContext : JsonSerializerContext;
