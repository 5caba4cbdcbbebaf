using System.IO.Compression;
using System.Reflection.Metadata;
using System.Security.Cryptography;
using System.Text;

namespace AgentTestGuard.Inventory;

/// <summary>
/// The text of one source document a PDB names, cut into tokens, with the start of each line so that a
/// sequence point's line and column find their place. The text is the one the compiler read: embedded in the
/// PDB, or the file on disk when its checksum is the one the PDB recorded (a file edited since the build is
/// not the source of this assembly).
/// </summary>
internal sealed class SourceFile
{
    private static readonly Guid EmbeddedSource = new("0E8A571B-6926-466E-B4AD-8AB04611F5FE");
    private static readonly Guid Sha1 = new("ff1816ec-aa5e-4d10-87f7-6f4963833460");
    private static readonly Guid Sha256 = new("8829d00f-11b8-4213-878b-770e8597ac16");

    private readonly List<int> lineStarts = [0];

    private SourceFile(string text)
    {
        Tokens = CSharpTokens.Lex(text);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }

            if (CSharpTokens.IsLineBreak(c))
            {
                lineStarts.Add(i + 1);
            }
        }
    }

    public CSharpTokens Tokens { get; }

    /// <summary>The document's text as the compiler read it; null when neither the PDB nor the disk has it.</summary>
    public static SourceFile? Open(MetadataReader pdb, DocumentHandle handle, SourcePathMapper mapper)
    {
        var document = pdb.GetDocument(handle);
        var bytes = Embedded(pdb, handle) ?? OnDisk(pdb, document, mapper);
        return bytes is null ? null : new SourceFile(Decode(bytes));
    }

    /// <summary>The offset of a 1-based line and column (in UTF-16 characters, as the PDB counts them).</summary>
    public int Offset(int line, int column)
    {
        var start = lineStarts[Math.Clamp(line - 1, 0, lineStarts.Count - 1)];
        return Math.Min(start + column - 1, Tokens.Text.Length);
    }

    private static byte[]? Embedded(MetadataReader pdb, DocumentHandle handle)
    {
        foreach (var informationHandle in pdb.GetCustomDebugInformation(handle))
        {
            var information = pdb.GetCustomDebugInformation(informationHandle);
            if (pdb.GetGuid(information.Kind) != EmbeddedSource)
            {
                continue;
            }

            var blob = pdb.GetBlobReader(information.Value);
            var uncompressedSize = blob.ReadInt32();
            var rest = blob.ReadBytes(blob.RemainingBytes);
            if (uncompressedSize == 0)
            {
                return rest;
            }

            using var inflated = new DeflateStream(new MemoryStream(rest), CompressionMode.Decompress);
            var bytes = new byte[uncompressedSize];
            inflated.ReadExactly(bytes);
            return bytes;
        }

        return null;
    }

    private static byte[]? OnDisk(MetadataReader pdb, Document document, SourcePathMapper mapper)
    {
        var path = mapper.Map(pdb.GetString(document.Name));
        if (!File.Exists(path))
        {
            return null;
        }

        var bytes = File.ReadAllBytes(path);
        var algorithm = pdb.GetGuid(document.HashAlgorithm);

        // The compiler's choice of checksum, which only tells an edited file from the compiled one.
#pragma warning disable CA5350
        byte[]? actual = algorithm == Sha256 ? SHA256.HashData(bytes)
            : algorithm == Sha1 ? SHA1.HashData(bytes)
            : null;
#pragma warning restore CA5350
        return actual is not null && actual.AsSpan().SequenceEqual(pdb.GetBlobBytes(document.Hash)) ? bytes : null;
    }

    /// <summary>As the compiler decodes a source file: by its byte order mark, else as UTF-8.</summary>
    private static string Decode(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }
}
