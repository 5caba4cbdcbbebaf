using System.Reflection;
using System.Reflection.Emit;

namespace AgentTestGuard.Inventory;

/// <summary>
/// Every IL opcode by value, built once from <see cref="OpCodes"/>: walking IL needs each opcode's operand
/// kind to know how many bytes follow it and whether they hold a token.
/// </summary>
internal static class IlOpCodeTable
{
    /// <summary>Two-byte opcodes start with this byte.</summary>
    public const byte Prefix = 0xFE;

    private static readonly OpCode?[] OneByte = new OpCode?[256];
    private static readonly OpCode?[] TwoByte = new OpCode?[256];

    static IlOpCodeTable()
    {
        foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (field.GetValue(null) is OpCode code)
            {
                var value = (ushort)code.Value;
                var table = code.Size == 1 ? OneByte : TwoByte;
                table[value & 0xFF] = code;
            }
        }
    }

    /// <summary>The opcode for a first byte (and, after <see cref="Prefix"/>, a second byte); null when undefined.</summary>
    public static OpCode? Get(byte first, byte second = 0) => first == Prefix ? TwoByte[second] : OneByte[first];
}
