using System.Diagnostics.CodeAnalysis;
using AgentTestGuard.TestingPlatform.Platform;
using Microsoft.Testing.Platform.CommandLine;
using Microsoft.Testing.Platform.Extensions;
using Xunit;

namespace AgentTestGuard.TestingPlatform.Tests.Platform;

public sealed class QuarantineGateTests
{
    [Fact]
    public void The_platform_this_package_needs_hands_results_to_the_gate_inline()
    {
        var gate = QuarantineGate.Create(new CommandLineOnly(), new RunState(inventoryPath: null));

#pragma warning disable TPEXP // The interface the factory looks up by name.
        Assert.True(QuarantineGate.PlatformHasInlineDelivery);
        Assert.IsAssignableFrom<IBlockingDataConsumer>(gate);
#pragma warning restore TPEXP
        Assert.Equal(["Microsoft.Testing.Platform.Extensions.Messages.TestNodeUpdateMessage"], gate.DataTypesConsumed.Select(t => t.FullName));
    }

    /// <summary>The one service the gate asks for when it is made.</summary>
    private sealed class CommandLineOnly : IServiceProvider, ICommandLineOptions
    {
        public object? GetService(Type serviceType) => serviceType == typeof(ICommandLineOptions) ? this : null;

        public bool IsOptionSet(string optionName) => false;

        public bool TryGetOptionArgumentList(string optionName, [NotNullWhen(true)] out string[]? arguments)
        {
            arguments = null;
            return false;
        }
    }
}
