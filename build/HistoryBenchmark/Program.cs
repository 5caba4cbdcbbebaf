using AgentTestGuard.HistoryBenchmark;

// generate <folder> [tests] [runs]           writes the run records
// measure <tool.dll> <store> <records> <repo> [rounds]   imports them into a fresh store, then runs metrics
// port                                       prints a free TCP port of 127.0.0.1, for the PostgreSQL server
return args switch
{
    ["port"] => FreePort(),
    ["generate", var folder, .. var rest] => RecordGenerator.Write(folder, rest.Length > 0 ? int.Parse(rest[0], System.Globalization.CultureInfo.InvariantCulture) : 10_000, rest.Length > 1 ? int.Parse(rest[1], System.Globalization.CultureInfo.InvariantCulture) : 100),
    ["measure", var tool, var store, var records, var repository, .. var rest] => Measurement.Run(tool, store, records, repository, rest.Length > 0 ? int.Parse(rest[0], System.Globalization.CultureInfo.InvariantCulture) : 3),
    _ => Usage(),
};

static int FreePort()
{
    using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
    listener.Start();
    Console.WriteLine(((System.Net.IPEndPoint)listener.LocalEndpoint).Port);
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: HistoryBenchmark generate <folder> [tests] [runs] | measure <tool.dll> <store> <records> <repo> [rounds]");
    return 2;
}
