using System.Globalization;
using AgentTestGuard.Benchmarks;

// Used by build/benchmark-inventory.sh:
//   generate <dir> <tests> <agent-tests> <package-version>   writes a test project to measure
//   measure <test-assembly> <policy> <catalog> [iterations]  times inventory + validation
// Used by build/benchmark-run.sh ("none" for a package the project does not reference):
//   measure-attributes [rounds] [agent-tests]                times xunit v3's reads of a test's attributes, tagged each way
//   measure-inventory-read <inventory> [iterations]          times reading an inventory, the reader compiled here
//   measure-inventory-read-in-app <app-dir> <inventory> [reads]  the same with the app's precompiled reader, first read first
//   measure-catalog [megabytes]                              times reading a one-line criteria catalog (build/benchmark-catalog.sh)
// Used by build/benchmark-inventory.sh:
//   measure-inventory-serializer <way> <inventory> [iterations]  the hand-written reader/writer against source generation
//                                                            (way: check, hand-read, generated-read, hand-write, generated-write)
// Used by build/benchmark-record.sh:
//   measure-record-serializer <way> <tests> [iterations]      the run record's hand-written writer against source generation
//                                                            (way: check, hand, generated)
//   generate-run <dir> <classes> <tests-per-class> <agent-tests> <package-version|none|tags|hooks> <trxreport-version|none> [fact|one|two]
return args switch
{
    ["generate", var directory, var tests, var agentTests, var version] =>
        SuiteGenerator.Write(directory, int.Parse(tests, CultureInfo.InvariantCulture), int.Parse(agentTests, CultureInfo.InvariantCulture), version),
    ["generate-run", var directory, var classes, var testsPerClass, var agentTests, var version, var trxVersion, .. var tagForm] when tagForm is [] or ["fact"] or ["one"] or ["two"] =>
        RunSuiteGenerator.Write(
            directory,
            int.Parse(classes, CultureInfo.InvariantCulture),
            int.Parse(testsPerClass, CultureInfo.InvariantCulture),
            int.Parse(agentTests, CultureInfo.InvariantCulture),
            version == "none" ? null : version,
            trxVersion == "none" ? null : trxVersion,
            tagForm switch { ["one"] => TagForm.One, ["two"] => TagForm.Two, _ => TagForm.Fact }),
    ["measure-attributes", .. var rest] =>
        AttributeReadTiming.Run(
            rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 300,
            rest.Length > 1 ? int.Parse(rest[1], CultureInfo.InvariantCulture) : 2000),
    ["measure-inventory-read", var inventory, .. var rest] =>
        InventoryReadTiming.Run(inventory, rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 50),
    ["measure-inventory-read-in-app", var appDirectory, var inventory, .. var rest] =>
        PrecompiledInventoryReadTiming.Run(appDirectory, inventory, rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 4),
    ["measure-inventory-serializer", var way, var inventory, .. var rest] =>
        InventorySerializerTiming.Run(way, inventory, rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 50),
    ["measure-record-serializer", var way, var tests, .. var rest] =>
        RunRecordSerializerTiming.Run(way, int.Parse(tests, CultureInfo.InvariantCulture), rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 50),
    ["measure-catalog", .. var rest] =>
        CatalogReadTiming.Run(rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 50),
    ["measure", var assembly, var policy, var catalog, .. var rest] =>
        InventoryTiming.Run(assembly, policy, catalog, rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 20),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: generate <dir> <tests> <agent-tests> <package-version> | generate-run <dir> <classes> <tests-per-class> <agent-tests> <package-version|none|tags|hooks> <trxreport-version|none> [fact|one|two] | measure <test-assembly> <policy> <catalog> [iterations] | measure-attributes [rounds] [agent-tests] | measure-inventory-read <inventory> [iterations] | measure-inventory-read-in-app <app-dir> <inventory> [reads] | measure-catalog [megabytes] | measure-inventory-serializer <way> <inventory> [iterations] | measure-record-serializer <way> <tests> [iterations]");
    return 2;
}
