using System.Reflection.Metadata;

namespace AgentTestGuard.Inventory;

/// <summary>
/// Splits a custom attribute's value blob (ECMA-335 II.23.3) into its constructor arguments, so that
/// some of them can be left out of a fingerprint. Only the shapes attribute arguments take are read:
/// primitives, strings, types, boxed values and arrays of them; anything else (an enum, whose size
/// only its defining assembly knows) makes the split fail and the caller keep the blob whole.
/// </summary>
internal static class AttributeBlob
{
    private const ushort Prolog = 0x0001;

    /// <summary>
    /// The blob as text with the arguments at <paramref name="omitted"/> replaced by a marker;
    /// null when the blob cannot be split.
    /// </summary>
    /// <param name="parameterTypes">The constructor's parameter types, as <see cref="SignatureNameProvider"/> names them.</param>
    public static string? DescribeWithout(MetadataReader reader, BlobHandle value, IReadOnlyList<string> parameterTypes, IReadOnlySet<int> omitted)
    {
        var bytes = reader.GetBlobBytes(value);
        var blob = reader.GetBlobReader(value);
        try
        {
            if (blob.Length < 2 || blob.ReadUInt16() != Prolog)
            {
                return null;
            }

            var parts = new List<string>(parameterTypes.Count + 1);
            for (var i = 0; i < parameterTypes.Count; i++)
            {
                var start = blob.Offset;
                if (!TrySkip(ref blob, parameterTypes[i]))
                {
                    return null;
                }

                parts.Add(omitted.Contains(i) ? "caller-info" : Convert.ToHexString(bytes, start, blob.Offset - start));
            }

            // What follows the fixed arguments is the named ones (Skip = "...", say): kept whole.
            parts.Add(Convert.ToHexString(bytes, blob.Offset, blob.Length - blob.Offset));
            return string.Join(" ", parts);
        }
        catch (BadImageFormatException)
        {
            return null;
        }
    }

    private static bool TrySkip(ref BlobReader blob, string type)
    {
        if (type.EndsWith("[]", StringComparison.Ordinal))
        {
            var count = blob.ReadUInt32();
            if (count == uint.MaxValue)
            {
                return true; // a null array
            }

            var element = type[..^2];
            for (var i = 0u; i < count; i++)
            {
                if (!TrySkip(ref blob, element))
                {
                    return false;
                }
            }

            return true;
        }

        return type == "Object" ? TrySkipBoxed(ref blob) : TrySkipValue(ref blob, CodeOf(type));
    }

    /// <summary>The serialization code of a parameter type, as <see cref="SignatureNameProvider"/> names it.</summary>
    private static SerializationTypeCode CodeOf(string type) => type switch
    {
        "Boolean" => SerializationTypeCode.Boolean,
        "Char" => SerializationTypeCode.Char,
        "SByte" => SerializationTypeCode.SByte,
        "Byte" => SerializationTypeCode.Byte,
        "Int16" => SerializationTypeCode.Int16,
        "UInt16" => SerializationTypeCode.UInt16,
        "Int32" => SerializationTypeCode.Int32,
        "UInt32" => SerializationTypeCode.UInt32,
        "Int64" => SerializationTypeCode.Int64,
        "UInt64" => SerializationTypeCode.UInt64,
        "Single" => SerializationTypeCode.Single,
        "Double" => SerializationTypeCode.Double,
        "String" => SerializationTypeCode.String,
        "System.Type" => SerializationTypeCode.Type,
        _ => SerializationTypeCode.Invalid,
    };

    private static bool TrySkipBoxed(ref BlobReader blob)
    {
        var code = blob.ReadSerializationTypeCode();
        return code switch
        {
            SerializationTypeCode.TaggedObject => TrySkipBoxed(ref blob),
            SerializationTypeCode.SZArray => TrySkipBoxedArray(ref blob),
            _ => TrySkipValue(ref blob, code),
        };
    }

    // A boxed array: the element type's tag, the count, then each element of that type.
    private static bool TrySkipBoxedArray(ref BlobReader blob)
    {
        var element = blob.ReadSerializationTypeCode();
        var count = blob.ReadUInt32();
        if (count == uint.MaxValue)
        {
            return true;
        }

        for (var i = 0u; i < count; i++)
        {
            var skipped = element == SerializationTypeCode.TaggedObject ? TrySkipBoxed(ref blob) : TrySkipValue(ref blob, element);
            if (!skipped)
            {
                return false;
            }
        }

        return true;
    }

    private static bool TrySkipValue(ref BlobReader blob, SerializationTypeCode code) => code switch
    {
        SerializationTypeCode.Boolean or SerializationTypeCode.SByte or SerializationTypeCode.Byte => Advance(ref blob, 1),
        SerializationTypeCode.Char or SerializationTypeCode.Int16 or SerializationTypeCode.UInt16 => Advance(ref blob, 2),
        SerializationTypeCode.Int32 or SerializationTypeCode.UInt32 or SerializationTypeCode.Single => Advance(ref blob, 4),
        SerializationTypeCode.Int64 or SerializationTypeCode.UInt64 or SerializationTypeCode.Double => Advance(ref blob, 8),
        SerializationTypeCode.String or SerializationTypeCode.Type => SkipSerializedString(ref blob),
        _ => false,
    };

    private static bool SkipSerializedString(ref BlobReader blob)
    {
        blob.ReadSerializedString();
        return true;
    }

    private static bool Advance(ref BlobReader blob, int bytes)
    {
        blob.Offset += bytes;
        return true;
    }
}
