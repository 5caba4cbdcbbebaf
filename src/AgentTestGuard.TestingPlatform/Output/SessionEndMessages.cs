using AgentTestGuard.Files;
using AgentTestGuard.TestingPlatform.Classification;
using AgentTestGuard.TestingPlatform.Results;
using AgentTestGuard.TestingPlatform.Session;
using Microsoft.Testing.Platform.Extensions.Messages;
using Microsoft.Testing.Platform.OutputDevice;
using Microsoft.Testing.Platform.Services;
using Microsoft.Testing.Platform.TestHost;

namespace AgentTestGuard.TestingPlatform.Output;

/// <summary>
/// What the gate publishes at the end of a session besides the summary: enforce mode's failed
/// result, and under dotnet test the notices of quarantined failures. The texts are made by pure
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
        IServiceProvider services, QuarantineGate gate, SessionUid session, RunVerdict verdict, InventoryDocument? inventory)
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
        return services.GetMessageBus().PublishAsync(gate, new TestNodeUpdateMessage(session, node));
    }

    /// <summary>
    /// Under dotnet test, a passing run shows none of the extension's messages, only artifacts'
    /// paths: <see cref="QuarantineNotice"/> says with those that the quarantined failures do not
    /// fail the run. A notice that cannot be written is a warning; the verdict stands.
    /// </summary>
    public static async Task PublishQuarantineNoticesAsync(
        IServiceProvider services, QuarantineGate gate, SessionUid session, string recordPath, RunVerdict verdict, CancellationToken cancellationToken)
    {
        foreach (var notice in QuarantineNotice.Files(recordPath, verdict))
        {
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(notice.Path)!);
                await File.WriteAllTextAsync(notice.Path, notice.Content, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                await services.GetOutputDevice().DisplayAsync(
                    gate, new WarningMessageOutputDeviceData($"AgentTestGuard: could not write {notice.Path}: {exception.Message}"), cancellationToken).ConfigureAwait(false);
                continue;
            }

            await services.GetMessageBus().PublishAsync(
                gate,
                new SessionFileArtifact(session, new FileInfo(notice.Path), "AgentTestGuard quarantined failure", "A quarantined test's failures, which do not fail the run."))
                .ConfigureAwait(false);
        }
    }
}
