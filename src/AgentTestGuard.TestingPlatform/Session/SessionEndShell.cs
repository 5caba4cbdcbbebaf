using AgentTestGuard.TestingPlatform.ExitCode;
using AgentTestGuard.TestingPlatform.Output;
using Microsoft.Testing.Platform.Extensions.Messages;
using Microsoft.Testing.Platform.OutputDevice;
using Microsoft.Testing.Platform.Messages;
using Microsoft.Testing.Platform.TestHost;
using static AgentTestGuard.TestingPlatform.Session.SessionEndAction;

namespace AgentTestGuard.TestingPlatform.Session;

/// <summary>
/// Takes the actions <see cref="SessionEndPlan"/> decided, through the platform's services and the
/// process around it (<see cref="SessionSystem"/>). It decides nothing.
/// </summary>
/// <param name="bus">The platform's message bus: enforce mode's failure, the artifacts.</param>
/// <param name="output">The platform's output device: the summary, errors and warnings.</param>
/// <param name="gate">The extension the messages come from.</param>
/// <param name="userIgnoreExitCodeOption">The user's --ignore-exit-code, kept when the exit code is settled.</param>
internal sealed class SessionEndShell(
    IMessageBus bus,
    IOutputDevice output,
    SessionSystem system,
    RunState state,
    QuarantineGate gate,
    SessionUid session,
    string? userIgnoreExitCodeOption)
{
    public async Task PerformAsync(IReadOnlyList<SessionEndAction> actions, CancellationToken cancellationToken)
    {
        foreach (var action in actions)
        {
            await PerformAsync(action, cancellationToken).ConfigureAwait(false);
        }
    }

    private Task PerformAsync(SessionEndAction action, CancellationToken cancellationToken) => action switch
    {
        // From the variable as the user set it before any test ran (RunState), never as a test left it.
        SettleExitCode settle => Settle(settle.IgnoreFailedTests),
        WriteDecisionFile decision => system.Files.WriteAllTextAsync(decision.Path, decision.Content),
        PublishEnforcementFailure enforcement =>
            SessionEndMessages.PublishEnforcementFailureAsync(bus, gate, session, enforcement.Verdict, state.Inventory),
        ShowError error => Display(new ErrorMessageOutputDeviceData(error.Message), cancellationToken),
        ShowSummary summary => ShowSummaryAsync(summary, cancellationToken),
        PublishNotice notice => SessionEndMessages.PublishQuarantineNoticeAsync(bus, output, system.Files, gate, session, notice.Notice, cancellationToken),
        PublishRecord record => bus.PublishAsync(
            gate,
            new SessionFileArtifact(session, new FileInfo(record.Path), "AgentTestGuard run record", "Per-test outcomes and classifications of this run.")),
        FinishRecords => state.Records.FinishAsync(output, gate),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "An action the shell does not know."),
    };

    private Task Settle(bool ignoreFailedTests)
    {
        system.Environment.SetVariable(
            ExitCodeIgnore.Variable, ExitCodeIgnore.Settle(state.ExitCodeIgnoreAtStart, userIgnoreExitCodeOption, ignoreFailedTests));
        return Task.CompletedTask;
    }

    private Task ShowSummaryAsync(ShowSummary summary, CancellationToken cancellationToken)
    {
        if (summary.ToStandardError)
        {
            StandardError.WriteLine(summary.Text);
        }

        return Display(
            summary.Noteworthy ? new WarningMessageOutputDeviceData(summary.Text) : new SessionMessageOutputDeviceData(summary.Text),
            cancellationToken);
    }

    private Task Display(IOutputDeviceData data, CancellationToken cancellationToken) =>
        output.DisplayAsync(gate, data, cancellationToken);
}
