using AgentTestGuard.TestingPlatform.Settings;
using Microsoft.Testing.Platform.CommandLine;
using Microsoft.Testing.Platform.Extensions;
using Microsoft.Testing.Platform.Extensions.TestHostControllers;
using Microsoft.Testing.Platform.Services;

namespace AgentTestGuard.TestingPlatform.ExitCode;

/// <summary>
/// The extension's part in the controller process. Some extensions (the TRX report, hang and
/// crash dumps, coverage) make the platform run the tests in a child test host; the parent then
/// applies the exit-code policy to the child's unfiltered code with its own environment. This
/// part hands the child a file for its decision and applies the decision in the parent.
/// </summary>
/// <remarks>
/// Enabling it alone would turn controller mode on, which costs a process start in every run, so
/// it is enabled only when an option known to start a child host is present, or with --agt-relay;
/// and it is registered only when the arguments may hold one (<see cref="MayBeNeeded"/>).
/// </remarks>
internal sealed class TestHostRelay(IServiceProvider services) : ITestHostEnvironmentVariableProvider, ITestHostProcessLifetimeHandler
{
    /// <summary>Options of the platform's own extensions that run the tests in a child process.</summary>
    public static readonly string[] ChildHostOptions = ["report-trx", "hangdump", "crashdump", "coverage"];

    private static readonly string[] OptionsThatNeedIt = [CommandLineOptions.Relay, .. ChildHostOptions];

    private readonly ICommandLineOptions _commandLine = services.GetCommandLineOptions();
    private readonly string _decisionFile = Path.Combine(Path.GetTempPath(), $"agenttestguard-decision-{Guid.NewGuid():N}.txt");

    public string Uid => $"{ExtensionIdentity.Prefix}.TestHostRelay";

    public string Version => ExtensionIdentity.Version;

    public string DisplayName => "AgentTestGuard test host relay";

    public string Description => "Carries the quarantine decision from a child test host to the process that reports the exit code.";

    /// <summary>
    /// Whether the test app's arguments may enable the relay, read before the platform parses them
    /// (the platform accepts -name and --name, with a value after ':' or '='). Registered at all, the
    /// relay costs every run a few dozen more methods compiled while the platform starts, enabled or
    /// not, so it is registered only then. A response file (@file) may hold any option, so it counts.
    /// </summary>
    public static bool MayBeNeeded(IEnumerable<string> args) => args.Any(arg =>
        arg.StartsWith('@')
        || (RawArgument.OptionName(arg) is { } option && OptionsThatNeedIt.Contains(option, StringComparer.OrdinalIgnoreCase)));

    public Task<bool> IsEnabledAsync() =>
        Task.FromResult(OptionsThatNeedIt.Any(_commandLine.IsOptionSet));

    public Task UpdateAsync(IEnvironmentVariables environmentVariables)
    {
        environmentVariables.SetVariable(new EnvironmentVariable(DecisionFile.Variable, _decisionFile, isSecret: false, isLocked: true));
        return Task.CompletedTask;
    }

    public Task<ValidationResult> ValidateTestHostEnvironmentVariablesAsync(IReadOnlyEnvironmentVariables environmentVariables) =>
        ValidationResult.ValidTask;

    public Task BeforeTestHostProcessStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task OnTestHostProcessStartedAsync(ITestHostProcessInformation testHostProcessInformation, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    public Task OnTestHostProcessExitedAsync(ITestHostProcessInformation testHostProcessInformation, CancellationToken cancellationToken)
    {
        string? decision = null;
        try
        {
            decision = File.Exists(_decisionFile) ? File.ReadAllText(_decisionFile) : null;
            File.Delete(_decisionFile);
        }
        catch (IOException)
        {
            // Unreadable means no decision: the platform's own exit code stands.
        }

        // The child already overlooked "a test failed" when it exited 0 with this decision; a crash
        // or abort in between leaves another code, which must pass through.
        if (decision == DecisionFile.IgnoreFailedTests && testHostProcessInformation.ExitCode == 0)
        {
            // This process runs no test code, so its variable is still the user's.
            _commandLine.TryGetOptionArgumentList("ignore-exit-code", out var userCodes);
            ExitCodeIgnore.Apply(Environment.GetEnvironmentVariable(ExitCodeIgnore.Variable), userCodes?.FirstOrDefault(), ignoreFailedTests: true);
        }

        return Task.CompletedTask;
    }
}
