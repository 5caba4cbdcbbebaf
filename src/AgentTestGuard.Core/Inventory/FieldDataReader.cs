using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace AgentTestGuard.Inventory;

/// <summary>
/// Reads the initial data of a field stored in the image (array initializers, <c>"..."u8</c>, constant spans):
/// the compiler loads such data with <c>ldtoken</c> of a hidden field, so the IL alone would not show a change
/// from <c>new[] { 1, 2 }</c> to <c>new[] { 1, 3 }</c>.
/// </summary>
internal static class FieldDataReader
{
    public static ImmutableArray<byte> Read(MetadataReader reader, PEReader pe, FieldDefinition field)
    {
        if ((field.Attributes & FieldAttributes.HasFieldRVA) == 0)
        {
            return [];
        }

        var size = SizeOf(reader, field);
        var data = pe.GetSectionData(field.GetRelativeVirtualAddress());
        return size > 0 && data.Length >= size ? data.GetContent(0, size) : [];
    }

    private static int SizeOf(MetadataReader reader, FieldDefinition field)
    {
        var blob = reader.GetBlobReader(field.Signature);
        blob.ReadSignatureHeader();
        return blob.ReadSignatureTypeCode() switch
        {
            SignatureTypeCode.Boolean or SignatureTypeCode.SByte or SignatureTypeCode.Byte => 1,
            SignatureTypeCode.Char or SignatureTypeCode.Int16 or SignatureTypeCode.UInt16 => 2,
            SignatureTypeCode.Int32 or SignatureTypeCode.UInt32 or SignatureTypeCode.Single => 4,
            SignatureTypeCode.Int64 or SignatureTypeCode.UInt64 or SignatureTypeCode.Double => 8,
            SignatureTypeCode.TypeHandle when blob.ReadTypeHandle() is { Kind: HandleKind.TypeDefinition } type
                => reader.GetTypeDefinition((TypeDefinitionHandle)type).GetLayout().Size,
            _ => 0,
        };
    }
}
