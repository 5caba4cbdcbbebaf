using System.Globalization;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace AgentTestGuard.Inventory;

/// <summary>
/// Writes a method body as fingerprint text: local variable types, every instruction (opcode and operand, with
/// tokens replaced by names), and the exception regions. Branch offsets and other immediates are kept as they
/// are: they only change when the method's own IL does.
/// </summary>
internal static class IlBodyWriter
{
    public static void Write(CanonicalWriter text, MetadataReader reader, PEReader pe, IlTokenNamer namer, FollowedMethods followed, MethodDefinition method)
    {
        if (method.RelativeVirtualAddress == 0)
        {
            text.Line("no-body");
            return;
        }

        var body = pe.GetMethodBody(method.RelativeVirtualAddress);
        if (!body.LocalSignature.IsNil)
        {
            var locals = reader.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(SignatureNameProvider.Instance, null);
            text.Line("locals", [.. locals]);
        }

        var il = body.GetILReader();
        while (il.RemainingBytes > 0)
        {
            var first = il.ReadByte();
            var second = first == IlOpCodeTable.Prefix ? il.ReadByte() : (byte)0;
            var opCode = IlOpCodeTable.Get(first, second)
                ?? throw new BadImageFormatException($"Unknown IL opcode 0x{first:X2}{second:X2}.");
            text.BeginLine(opCode.Name ?? string.Empty);
            WriteOperand(text, ref il, opCode.OperandType, namer, followed);
            text.EndLine();
        }

        foreach (var region in body.ExceptionRegions)
        {
            text.Line(
                "region",
                region.Kind.ToString(),
                Number(region.TryOffset),
                Number(region.TryLength),
                Number(region.HandlerOffset),
                Number(region.HandlerLength),
                Number(region.FilterOffset),
                region.CatchType.IsNil ? string.Empty : namer.Name(region.CatchType, followed));
        }
    }

    private static void WriteOperand(CanonicalWriter text, ref BlobReader il, OperandType type, IlTokenNamer namer, FollowedMethods followed)
    {
        switch (type)
        {
            case OperandType.InlineNone:
                text.Part(string.Empty);
                break;
            case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI:
                text.Part(il.ReadSByte());
                break;
            case OperandType.ShortInlineVar:
                text.Part(il.ReadByte());
                break;
            case OperandType.InlineVar:
                text.Part(il.ReadUInt16());
                break;
            case OperandType.InlineBrTarget or OperandType.InlineI or OperandType.ShortInlineR:
                text.Part(il.ReadInt32());
                break;
            case OperandType.InlineI8 or OperandType.InlineR:
                text.Part(il.ReadInt64());
                break;
            case OperandType.InlineSwitch:
                text.Part(Switch(ref il));
                break;
            case OperandType.InlineString:
                text.Part(namer.UserString(il.ReadInt32()));
                break;
            case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType or OperandType.InlineSig:
                text.Part(namer.Name(MetadataTokens.EntityHandle(il.ReadInt32()), followed));
                break;
            default:
                throw new BadImageFormatException($"Unexpected IL operand type {type}.");
        }
    }

    private static string Switch(ref BlobReader il)
    {
        var count = il.ReadInt32();
        if (count < 0 || count > il.RemainingBytes / 4)
        {
            throw new BadImageFormatException("IL switch table runs past the end of the method body.");
        }

        var targets = new string[count];
        for (var i = 0; i < count; i++)
        {
            targets[i] = Number(il.ReadInt32());
        }

        return string.Join(",", targets);
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
