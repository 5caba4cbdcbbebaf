using AgentTestGuard.History.Store;

namespace AgentTestGuard.History.Tests.Metrics;

public sealed class SqliteMetricsTests : MetricsContract
{
    private protected override IHistoryStore OpenStore() => new HistoryLocation(Path.Combine(Folder.Path, "history.sqlite"), "test").Open();
}
