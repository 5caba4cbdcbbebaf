using AgentTestGuard.History.Store;
using AgentTestGuard.History.Tests.TestSupport;

namespace AgentTestGuard.History.Tests.Metrics;

public sealed class PostgresMetricsTests(PostgresServer server) : MetricsContract
{
    private protected override IHistoryStore OpenStore() => HistoryLocation.Resolve(server.NewDatabase(), null, null, Folder.Path).Open();
}
