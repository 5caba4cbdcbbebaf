using System.Reflection.Emit;

namespace AgentTestGuard.Assertions;

/// <summary>
/// Finds assertions that cannot fail because of what they are given: the same value on both sides of a
/// comparison (<c>Assert.Equal(4, 4)</c>, <c>Assert.Equal(x, x)</c>; <c>2 + 2</c> is already <c>4</c> in IL), or a
/// constant that passes a condition (<c>Assert.True(true)</c>). Conservative by design: an argument is only
/// judged when one or two plain instructions push it right before the call, with no jump landing among them;
/// anything else (a call, a conditional, a conversion) is taken as able to fail.
/// </summary>
internal static class TautologyDetector
{
    private static readonly HashSet<string> EqualityChecks = new(StringComparer.Ordinal) { "Equal", "StrictEqual", "AreEqual" };
    private static readonly HashSet<string> SameValueChecks = new(StringComparer.Ordinal) { "Equivalent", "AreEquivalent" };
    private static readonly HashSet<string> IdentityChecks = new(StringComparer.Ordinal) { "Same", "AreSame" };
    private static readonly HashSet<string> TrueChecks = new(StringComparer.Ordinal) { "True", "IsTrue" };
    private static readonly HashSet<string> FalseChecks = new(StringComparer.Ordinal) { "False", "IsFalse" };

    /// <summary>Why the assertion at <paramref name="call"/> cannot fail; null when it can, or when that is not certain.</summary>
    public static string? Explain(IlInstructions il, int call, CalledMethod method, CalledMethods called)
    {
        var name = method.Name;
        var comparison = EqualityChecks.Contains(name) || SameValueChecks.Contains(name) || IdentityChecks.Contains(name);
        var condition = TrueChecks.Contains(name) || FalseChecks.Contains(name);
        if ((!comparison && !condition) || method.ParameterCount < (comparison ? 2 : 1)
            || ReadArguments(il, call, method.ParameterCount, called) is not { } arguments)
        {
            return null;
        }

        if (condition)
        {
            var passing = TrueChecks.Contains(name) ? arguments[0].Constant is { } value && value != 0 : arguments[0].Constant == 0;
            return passing && arguments[0].Kind == ValueKind.Int32 ? $"{method.FullName} is given a constant that makes it pass" : null;
        }

        var (expected, actual) = (arguments[0], arguments[1]);
        var same = actual.Kind == ValueKind.Duplicate
            || (IdentityChecks.Contains(name)
                ? expected.Kind is ValueKind.Local or ValueKind.Argument or ValueKind.ThisField && !expected.Boxed && expected == actual
                : SameValueChecks.Contains(name)
                    ? expected.Kind is ValueKind.Local or ValueKind.Argument or ValueKind.ThisField && expected == actual
                    : expected.Kind != ValueKind.Duplicate && expected == actual);
        return same ? $"{method.FullName} is given the same value on both sides" : null;
    }

    /// <summary>The pushed arguments, first to last; null when any is not a plain push.</summary>
    private static Pushed[]? ReadArguments(IlInstructions il, int call, int count, CalledMethods called)
    {
        var items = il.Items;
        if (il.IsJumpTarget(items[call].Offset))
        {
            return null;
        }

        var arguments = new Pushed[count];
        var at = call - 1;
        for (var argument = count - 1; argument >= 0; argument--)
        {
            var (pushed, length) = at < 0 ? default : ReadPush(il, at, called);
            if (length == 0)
            {
                return null;
            }

            arguments[argument] = pushed;
            at -= length;
            if (pushed.Kind == ValueKind.Duplicate)
            {
                // A dup as the second argument copies the first, whatever pushed it: nothing more to read.
                // Elsewhere it copies an argument that is not compared, which says nothing.
                return argument == 1 ? arguments : null;
            }
        }

        return arguments;
    }

    /// <summary>The value pushed by the instructions ending at <paramref name="end"/>, and how many they are.</summary>
    private static (Pushed Pushed, int Length) ReadPush(IlInstructions il, int end, CalledMethods called)
    {
        var items = il.Items;
        var last = items[end];
        if (last.OpCode == OpCodes.Box && end > 0 && !il.IsJumpTarget(last.Offset) && Plain(items[end - 1]) is { } boxed && boxed.Kind != ValueKind.Duplicate)
        {
            return Landed(il, end - 1, (boxed with { Boxed = true }, 2));
        }

        // A constant made a bool? (MSTest 4's IsTrue and IsFalse take one) is still that constant.
        if (last.OpCode == OpCodes.Newobj && end > 0 && !il.IsJumpTarget(last.Offset) && Plain(items[end - 1]) is { Kind: ValueKind.Int32 } wrapped
            && called.Resolve(last.Token) is { TypeName: "System.Nullable`1", Name: ".ctor" })
        {
            return Landed(il, end - 1, (wrapped, 2));
        }

        if (last.OpCode == OpCodes.Ldfld && end > 0 && items[end - 1].OpCode == OpCodes.Ldarg_0 && !il.IsJumpTarget(last.Offset))
        {
            return Landed(il, end - 1, (new Pushed(ValueKind.ThisField, last.Operand), 2));
        }

        return Plain(last) is { } plain ? Landed(il, end, (plain, 1)) : default;
    }

    // A jump landing on a push means the value may come from elsewhere: not judged.
    private static (Pushed, int) Landed(IlInstructions il, int start, (Pushed, int) push) =>
        il.IsJumpTarget(il.Items[start].Offset) ? default : push;

    private static Pushed? Plain(IlInstruction instruction)
    {
        var code = instruction.OpCode;
        var value = code.Value switch
        {
            >= 0x16 and <= 0x1E => code.Value - 0x16, // ldc.i4.0 ... ldc.i4.8
            0x15 => -1, // ldc.i4.m1
            _ => (long?)null,
        };
        if (value is { } shortConstant)
        {
            return new Pushed(ValueKind.Int32, shortConstant);
        }

        return code.Value switch
        {
            0x1F or 0x20 => new Pushed(ValueKind.Int32, instruction.Operand), // ldc.i4.s, ldc.i4
            0x21 => new Pushed(ValueKind.Int64, instruction.Operand),
            0x22 => new Pushed(ValueKind.Single, instruction.Operand),
            0x23 => new Pushed(ValueKind.Double, instruction.Operand),
            0x72 => new Pushed(ValueKind.String, instruction.Operand), // ldstr: one token per distinct literal
            0x14 => new Pushed(ValueKind.Null, 0),
            >= 0x06 and <= 0x09 => new Pushed(ValueKind.Local, code.Value - 0x06), // ldloc.0 ... ldloc.3
            0x11 or unchecked((short)0xFE0C) => new Pushed(ValueKind.Local, instruction.Operand), // ldloc.s, ldloc
            >= 0x02 and <= 0x05 => new Pushed(ValueKind.Argument, code.Value - 0x02), // ldarg.0 ... ldarg.3
            0x0E or unchecked((short)0xFE09) => new Pushed(ValueKind.Argument, instruction.Operand), // ldarg.s, ldarg
            0x25 => new Pushed(ValueKind.Duplicate, 0),
            _ => null,
        };
    }

    private enum ValueKind
    {
        Int32,
        Int64,
        Single,
        Double,
        String,
        Null,
        Local,
        Argument,
        ThisField,
        Duplicate,
    }

    /// <summary>What one argument is: a constant (its value, or its string token), a local, an argument, a field of this.</summary>
    private readonly record struct Pushed(ValueKind Kind, long Value, bool Boxed = false)
    {
        public long? Constant => Kind == ValueKind.Int32 ? Value : null;
    }
}
