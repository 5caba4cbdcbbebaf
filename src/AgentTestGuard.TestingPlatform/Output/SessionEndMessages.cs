using AgentTestGuard.InventoryFormat;
using AgentTestGuard.TestingPlatform.Classification;
using AgentTestGuard.TestingPlatform.Results;
using AgentTestGuard.TestingPlatform.Session;
using Microsoft.Testing.Platform.Extensions.Messages;
using Microsoft.Testing.Platform.OutputDevice;
using Microsoft.Testing.Platform.Messages;
using Microsoft.Testing.Platform.TestHost;

namespace AgentTestGuard.TestingPlatform.Output;

/// <summary>
/// What the gate publishes at the end of a session besides the summary: enforce mode's failed
/// result, and under dotnet test the notice of each quarantined failure. The texts are made by pure
/// functions (<see cref="EnforcementListing"/>, <see cref="QuarantineNotice"/>); this only hands
/// them to the platform.
/// </summary>
internal static class SessionEndMessages
{
    /// <summary>
    /// Enforce mode fails the run with a failed test node of its own: the platform then exits with
    /// "a test failed" under every runner, with the listing shown where failures are shown.
    /// </summary>
    public static Task PublishEnforcementFailureAsync(
        IMessageBus bus, QuarantineGate gate, SessionUid session, RunVerdict verdict, InventoryDocument? inventory)
    {
        // The incident log is read only now, when enforce mode fails the run, to name rejected tests.
        var rejections = verdict.UnreviewedInEnforceMode.Count > 0 && inventory is not null ? RejectionLog.Read(inventory) : null;
        var node = new TestNode
        {
            Uid = new TestNodeUid($"{ExtensionIdentity.Prefix}.Enforce"),
            DisplayName = EnforcementListing.Title,

            // Only an exception: with an explanation too, dotnet test shows the listing twice.
            Properties = new PropertyBag(new FailedTestNodeStateProperty(new EnforceModeFailure(EnforcementListing.Format(verdict, rejections)))),
        };
        return bus.PublishAsync(gate, new TestNodeUpdateMessage(session, node));
    }

    /// <summary>
    /// Under dotnet test, a passing run shows none of the extension's messages, only artifacts'
    /// paths: a <see cref="QuarantineNotice"/> says with those that a quarantined failure does not
    /// fail the run. A notice that cannot be written is a warning; the verdict stands.
    /// </summary>
    public static async Task PublishQuarantineNoticeAsync(
        IMessageBus bus, IOutputDevice output, ISessionFiles files, QuarantineGate gate, SessionUid session, QuarantineNotice.NoticeFile notice, CancellationToken cancellationToken)
    {
        try
        {
            files.CreateDirectory(Path.GetDirectoryName(notice.Path)!);
            await files.WriteAllTextAsync(notice.Path, notice.Content).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            await output.DisplayAsync(
                gate, new WarningMessageOutputDeviceData($"AgentTestGuard: could not write {notice.Path}: {exception.Message}"), cancellationToken).ConfigureAwait(false);
            return;
        }

        await bus.PublishAsync(
            gate,
            new SessionFileArtifact(session, new FileInfo(notice.Path), "AgentTestGuard quarantined failure", "A quarantined test's failures, which do not fail the run."))
            .ConfigureAwait(false);
    }
}
