using AgentTestGuard.TestingPlatform.Session;
using Microsoft.Testing.Platform.CommandLine;
using Microsoft.Testing.Platform.Extensions.Messages;
using Microsoft.Testing.Platform.Requests;
using Microsoft.Testing.Platform.Services;

namespace AgentTestGuard.TestingPlatform.Environments;

#pragma warning disable TPEXP // The platform's only way for an extension to keep tests from executing; see docs/run-time.md.

/// <summary>
/// Where the policy does not allow unreviewed agent tests (a staging smoke run, say), keeps them
/// from executing at all. The platform accepts only an allow-list of node uids, so the uids come
/// from a discovery child; the filter is intersected with the user's own filters. In a test app
/// started to rerun tests (early flake detection), allows exactly the tests asked for instead.
/// </summary>
internal sealed class UnreviewedTestFilter(IServiceProvider services, RunState state) : ITestExecutionFilterProvider
{
    // A uid no framework produces: allowing only it runs nothing.
    private static readonly TestNodeUid Nothing = new($"{ExtensionIdentity.Prefix}.NoTestMayRun");

    private readonly ICommandLineOptions _commandLine = services.GetCommandLineOptions();

    public string Uid => $"{ExtensionIdentity.Prefix}.UnreviewedTestFilter";

    public string Version => ExtensionIdentity.Version;

    public string DisplayName => "AgentTestGuard environment filter";

    public string Description => "Keeps unreviewed agent tests from executing in environments the policy does not allow.";

    public Task<bool> IsEnabledAsync() => Task.FromResult(true);

    /// <remarks>
    /// Not an async method: it decides without waiting in every run but one that must exclude tests,
    /// and an async method compiles a little of the framework's code for its state machine in every
    /// test run, code that cannot be precompiled with the extension.
    /// </remarks>
    public Task<ITestExecutionFilter?> GetFilterAsync(TestExecutionFilterContext context, CancellationToken cancellationToken)
    {
        if (context.RequestKind != TestExecutionRequestKind.Run || context.Origin != TestExecutionRequestOrigin.Console)
        {
            return NoFilter;
        }

        if (state.RerunRequestPath is { } rerunRequest)
        {
            return RerunFilter(rerunRequest);
        }

        var settings = RunState.ResolveSettings(_commandLine);
        if (settings.AllowsUnreviewedTests(state.AllowedEnvironments))
        {
            return NoFilter;
        }

        if (state.QuarantinedTests.Count == 0)
        {
            return NoFilter;
        }

        return ExcludeUnreviewedAsync(cancellationToken);
    }

    private static readonly Task<ITestExecutionFilter?> NoFilter = Task.FromResult<ITestExecutionFilter?>(null);

    // Never inlined: an ordinary run never loads the rerun code.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static Task<ITestExecutionFilter?> RerunFilter(string request) =>
        Task.FromResult<ITestExecutionFilter?>(Reruns.RerunChild.Filter(request));

    private async Task<ITestExecutionFilter?> ExcludeUnreviewedAsync(CancellationToken cancellationToken)
    {
        var (listing, problem) = await DiscoveryChild.ListAsync(cancellationToken).ConfigureAwait(false);
        if (listing is null)
        {
            // Unreviewed tests must not run here, and which uids they have is unknown: run nothing.
            state.ExclusionProblem = problem;
            return new TestNodeUidListFilter([Nothing]);
        }

        // Classified as at run time: a quarantined test inherited by other classes runs under their names too.
        var allowed = listing.Where(l => !state.Classifier.Classify(l.TestId).IsQuarantined).Select(l => new TestNodeUid(l.Uid)).ToArray();
        return new TestNodeUidListFilter(allowed.Length > 0 ? allowed : [Nothing]);
    }
}
