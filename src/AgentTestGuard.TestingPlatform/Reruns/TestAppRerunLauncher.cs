using AgentTestGuard.Processes;
using AgentTestGuard.TestingPlatform.Environments;

namespace AgentTestGuard.TestingPlatform.Reruns;

/// <summary>
/// Runs a round as a new test app (<see cref="TestApp"/>): a plain console run whose environment names
/// a request file (<see cref="RerunRequest"/>), with its results directory in <paramref name="folder"/>.
/// The child's extension runs exactly the requested test nodes and writes their results
/// (<see cref="RerunChild"/>); its exit code says nothing the results do not.
/// </summary>
internal sealed class TestAppRerunLauncher(TestApp app, string folder) : IRerunLauncher
{
    private int _round;

    public async Task<RerunRoundResult> RunAsync(IReadOnlyList<string> uids, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var round = Path.Combine(folder, $"round-{++_round}");
        var resultsDirectory = Path.Combine(round, "TestResults");
        Directory.CreateDirectory(resultsDirectory);
        var requestPath = Path.Combine(round, "request.json");
        var resultsPath = Path.Combine(round, "results.jsonl");
        new RerunRequest(resultsPath, uids).Write(requestPath);

        var child = await ChildProcess.RunAsync(
            new ChildProcessStart
            {
                Program = app.Program,
                Arguments = [.. app.Arguments, "--results-directory", resultsDirectory],
                RemovedVariables = TestApp.PlatformProtocolVariables,
                Variables = new Dictionary<string, string?> { [RerunRequest.Variable] = requestPath },
                Timeout = timeout,
            },
            cancellationToken).ConfigureAwait(false);

        switch (child.End)
        {
            case ChildProcessEnd.NotStarted:
                return new RerunRoundResult(null, TimedOut: false, $"the test app could not be started: {child.Problem}");
            case ChildProcessEnd.TimedOut:
                return new RerunRoundResult(null, TimedOut: true, child.Problem);
        }

        var (results, problem) = RerunResultsFile.Read(resultsPath);
        return results is null
            ? new RerunRoundResult(null, TimedOut: false, $"{problem}; it exited with code {child.ExitCode}")
            : new RerunRoundResult(results, TimedOut: false, null);
    }
}
