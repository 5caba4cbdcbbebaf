using AgentTestGuard.ReportBenchmark;

// ReportBenchmark <repository> <tests>: see RepositoryGenerator.
if (args.Length != 2 || !int.TryParse(args[1], out var tests))
{
    Console.Error.WriteLine("usage: ReportBenchmark <repository> <tests>");
    return 2;
}

RepositoryGenerator.Write(args[0], tests);
return 0;
