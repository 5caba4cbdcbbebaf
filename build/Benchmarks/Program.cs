using System.Globalization;
using AgentTestGuard.Benchmarks;

// Used by build/benchmark-inventory.sh:
//   generate <dir> <tests> <agent-tests> <package-version>   writes a test project to measure
//   measure <test-assembly> <policy> <catalog> [iterations]  times inventory + validation
return args switch
{
    ["generate", var directory, var tests, var agentTests, var version] =>
        SuiteGenerator.Write(directory, int.Parse(tests, CultureInfo.InvariantCulture), int.Parse(agentTests, CultureInfo.InvariantCulture), version),
    ["measure", var assembly, var policy, var catalog, .. var rest] =>
        InventoryTiming.Run(assembly, policy, catalog, rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 20),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: generate <dir> <tests> <agent-tests> <package-version> | measure <test-assembly> <policy> <catalog> [iterations]");
    return 2;
}
