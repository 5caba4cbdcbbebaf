using System.Reflection;
using System.Reflection.Emit;
using Xunit;

namespace AgentTestGuard.TestingPlatform.Tests;

public sealed class TestingPlatformBuilderHookTests
{
    /// <summary>
    /// The generated entry point and a hand-written one register the extension the same way: the hook
    /// is nothing but a call to the public extension method, as testfx's hooks call their Add…Provider.
    /// </summary>
    [Fact]
    public void The_generated_hook_registers_the_extension_through_AddAgentTestGuard_and_nothing_else()
    {
        var hook = typeof(TestingPlatformBuilderHook).GetMethod(nameof(TestingPlatformBuilderHook.AddExtensions))!;

        Assert.Equal(
            [
                typeof(ArgumentNullException).GetMethod(nameof(ArgumentNullException.ThrowIfNull), [typeof(object), typeof(string)])!,
                typeof(AgentTestGuardExtensions).GetMethod(nameof(AgentTestGuardExtensions.AddAgentTestGuard))!,
            ],
            MethodsCalledBy(hook));
    }

    [Fact]
    public void AddAgentTestGuard_is_an_extension_method_of_the_platforms_builder()
    {
        var method = typeof(AgentTestGuardExtensions).GetMethod(nameof(AgentTestGuardExtensions.AddAgentTestGuard))!;

        Assert.True(method.IsDefined(typeof(System.Runtime.CompilerServices.ExtensionAttribute)));
        Assert.Equal([typeof(Microsoft.Testing.Platform.Builder.ITestApplicationBuilder)], method.GetParameters().Select(p => p.ParameterType));
    }

    [Fact]
    public void AddAgentTestGuard_refuses_a_null_builder_by_name()
    {
        var thrown = Assert.Throws<ArgumentNullException>(() => AgentTestGuardExtensions.AddAgentTestGuard(null!));

        Assert.Equal("builder", thrown.ParamName);
    }

    /// <summary>The methods a method's body calls, in order, read from its IL.</summary>
    private static List<MethodBase> MethodsCalledBy(MethodInfo method)
    {
        var il = method.GetMethodBody()!.GetILAsByteArray()!;
        var calls = new List<MethodBase>();
        for (var at = 0; at < il.Length;)
        {
            var opCode = il[at] == 0xFE ? TwoByteOpCodes[il[at + 1]] : OneByteOpCodes[il[at]];
            at += opCode.Size;
            if (opCode.OperandType == OperandType.InlineMethod)
            {
                calls.Add(method.Module.ResolveMethod(BitConverter.ToInt32(il, at))!);
            }

            at += OperandSize(opCode.OperandType);
        }

        return calls;
    }

    private static readonly Dictionary<byte, OpCode> OneByteOpCodes = OpCodesBy(size: 1);
    private static readonly Dictionary<byte, OpCode> TwoByteOpCodes = OpCodesBy(size: 2);

    private static Dictionary<byte, OpCode> OpCodesBy(int size) =>
        typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(field => (OpCode)field.GetValue(null)!)
            .Where(opCode => opCode.Size == size)
            .ToDictionary(opCode => (byte)(opCode.Value & 0xFF));

    private static int OperandSize(OperandType type) => type switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => throw new NotSupportedException("The hook has no switch."),
        _ => 4,
    };
}
