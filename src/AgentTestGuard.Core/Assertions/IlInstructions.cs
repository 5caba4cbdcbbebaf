using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using AgentTestGuard.Inventory;

namespace AgentTestGuard.Assertions;

/// <summary>One decoded IL instruction: its opcode and its operand (a number, or a metadata token).</summary>
internal readonly record struct IlInstruction(int Offset, OpCode OpCode, long Operand)
{
    public EntityHandle Token => MetadataTokens.EntityHandle((int)Operand);
}

/// <summary>
/// A method body decoded into instructions, with the offsets branches jump to: an instruction that is a jump
/// target can be reached with different values on the stack, so what precedes it says nothing certain.
/// </summary>
internal sealed class IlInstructions
{
    private readonly HashSet<int> targets = [];

    private IlInstructions(List<IlInstruction> instructions)
    {
        Items = instructions;
    }

    public IReadOnlyList<IlInstruction> Items { get; }

    public bool IsJumpTarget(int offset) => targets.Contains(offset);

    public static IlInstructions Decode(MethodBodyBlock body)
    {
        var list = new List<IlInstruction>();
        var decoded = new IlInstructions(list);
        var il = body.GetILReader();
        while (il.RemainingBytes > 0)
        {
            var offset = il.Offset;
            var first = il.ReadByte();
            var second = first == IlOpCodeTable.Prefix ? il.ReadByte() : (byte)0;
            var opCode = IlOpCodeTable.Get(first, second)
                ?? throw new BadImageFormatException($"Unknown IL opcode 0x{first:X2}{second:X2}.");
            var operand = decoded.ReadOperand(ref il, opCode.OperandType);
            list.Add(new IlInstruction(offset, opCode, operand));
        }

        foreach (var region in body.ExceptionRegions)
        {
            decoded.targets.Add(region.HandlerOffset);
            decoded.targets.Add(region.TryOffset);
            if (region.FilterOffset >= 0)
            {
                decoded.targets.Add(region.FilterOffset);
            }
        }

        return decoded;
    }

    private long ReadOperand(ref BlobReader il, OperandType type)
    {
        switch (type)
        {
            case OperandType.InlineNone:
                return 0;
            case OperandType.ShortInlineBrTarget:
                var shortJump = il.ReadSByte();
                targets.Add(il.Offset + shortJump);
                return shortJump;
            case OperandType.ShortInlineI:
                return il.ReadSByte();
            case OperandType.ShortInlineVar:
                return il.ReadByte();
            case OperandType.InlineVar:
                return il.ReadUInt16();
            case OperandType.InlineBrTarget:
                var jump = il.ReadInt32();
                targets.Add(il.Offset + jump);
                return jump;
            case OperandType.ShortInlineR:
                // Kept as its bits: only equality of constants matters here.
                return BitConverter.SingleToInt32Bits(il.ReadSingle());
            case OperandType.InlineI8 or OperandType.InlineR:
                return il.ReadInt64();
            case OperandType.InlineSwitch:
                ReadSwitch(ref il);
                return 0;
            default:
                // Tokens (methods, fields, types, strings, signatures) and 32-bit numbers.
                return il.ReadInt32();
        }
    }

    private void ReadSwitch(ref BlobReader il)
    {
        var count = il.ReadInt32();
        if (count < 0 || count > il.RemainingBytes / 4)
        {
            throw new BadImageFormatException("IL switch table runs past the end of the method body.");
        }

        var jumps = new int[count];
        for (var i = 0; i < count; i++)
        {
            jumps[i] = il.ReadInt32();
        }

        // Switch targets are relative to the end of the whole instruction.
        foreach (var jump in jumps)
        {
            targets.Add(il.Offset + jump);
        }
    }
}
