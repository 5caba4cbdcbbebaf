using AgentTestGuard.History.Tests.TestSupport;
using Xunit;

// One throwaway PostgreSQL server for the whole test run; each test makes its own database.
[assembly: AssemblyFixture(typeof(PostgresServer))]
