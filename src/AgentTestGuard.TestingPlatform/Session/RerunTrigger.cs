using AgentTestGuard.TestingPlatform.Results;
using AgentTestGuard.TestingPlatform.Settings;
using Microsoft.Testing.Platform.CommandLine;

namespace AgentTestGuard.TestingPlatform.Session;

/// <summary>
/// Whether a session's end runs early flake detection (<see cref="Reruns.FlakeDetection"/>): only when
/// some quarantined test executed, the environment allows unreviewed tests, the session was not
/// cancelled, the test app is no IDE's server, and reruns are not 0. Decided from the results first,
/// so that a run without quarantined results reads no setting and loads none of the rerun code.
/// </summary>
internal static class RerunTrigger
{
    private const string ServerOption = "server";

    // How dotnet test (the SDK's platform mode) starts a test app: a server of its own protocol, for one run.
    private const string DotnetTestServer = "dotnettestcli";

    /// <returns>The reruns asked for, or null when there are to be none.</returns>
    public static RerunSettings? Requested(
        IReadOnlyList<TestResult> results,
        bool allowed,
        bool cancelled,
        RunState state,
        ICommandLineOptions commandLine,
        RunSettings settings,
        Func<string, string?> variable)
    {
        if (cancelled || !allowed || state.QuarantinedTests.Count == 0 || !AnyQuarantinedTestExecuted(results) || IsIdeServer(commandLine))
        {
            return null;
        }

        var reruns = RunState.ResolveRerunSettings(commandLine, settings.Enforce, variable);
        return reruns.Reruns > 0 ? reruns : null;
    }

    private static bool AnyQuarantinedTestExecuted(IReadOnlyList<TestResult> results)
    {
        foreach (var result in results)
        {
            if (result.Class.IsQuarantined && (result.Outcome == TestOutcome.Passed || result.Outcome.IsFailure()))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// An IDE's test explorer runs many sessions in one server and chooses what runs: no reruns there.
    /// dotnet test starts the app as a server too (<c>--server dotnettestcli</c>), for a run like any other.
    /// </summary>
    private static bool IsIdeServer(ICommandLineOptions commandLine) =>
        commandLine.TryGetOptionArgumentList(ServerOption, out var server)
        && !server.Any(protocol => protocol.Equals(DotnetTestServer, StringComparison.OrdinalIgnoreCase));
}
