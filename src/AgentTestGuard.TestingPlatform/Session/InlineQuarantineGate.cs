using Microsoft.Testing.Platform.Extensions;

namespace AgentTestGuard.TestingPlatform.Session;

#pragma warning disable TPEXP // Experimental in the platform; made only where the platform has it (QuarantineGate.Create).

/// <summary>
/// The gate, handed each result inline (<see cref="IBlockingDataConsumer"/>) rather than through a
/// queue read on a thread of its own. Reading a result takes a few microseconds; the queue added a
/// hand-over between threads to each of the twenty thousand updates of a 10,000-test run, and about
/// 2,000 thread pool work items to the process (about 5,500 instead of 3,500 in the benchmark suite's
/// runs). The gate never publishes from <see cref="QuarantineGate.ConsumeAsync"/>, so inline
/// delivery cannot wait on itself.
/// </summary>
internal sealed class InlineQuarantineGate(IServiceProvider services, RunState state, SessionSystem system)
    : QuarantineGate(services, state, system), IBlockingDataConsumer;
