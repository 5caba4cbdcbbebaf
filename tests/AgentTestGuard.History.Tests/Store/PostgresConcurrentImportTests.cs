using AgentTestGuard.History.Tests.TestSupport;

namespace AgentTestGuard.History.Tests.Store;

public sealed class PostgresConcurrentImportTests(PostgresServer server) : ConcurrentImportContract
{
    private readonly string _store = server.NewDatabase();

    protected override string Store => _store;
}
