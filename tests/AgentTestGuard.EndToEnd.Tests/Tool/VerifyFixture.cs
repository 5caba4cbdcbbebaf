using AgentTestGuard.EndToEnd.Tests.Infrastructure;
using AgentTestGuard.EndToEnd.Tests.Run;
using AgentTestGuard.Tests.Shared;

namespace AgentTestGuard.EndToEnd.Tests.Tool;

/// <summary>
/// The approved project of <see cref="RunSources"/>, built once with the tool installed; each
/// verify test works in a copy of it, in a git repository of its own whose first commit, made by
/// a human, is the trusted base (branch main) and whose branch "change" holds what a pull request
/// would. The template is built once per test run and shared by every class using the fixture:
/// no test changes it, each works in its own copy.
/// </summary>
public sealed class VerifyFixture : IAsyncLifetime
{
    private static readonly Lazy<Task<TestProject>> Built = new(BuildTemplateAsync);

    private TestProject? _template;

    internal TestProject Template => _template ?? throw new InvalidOperationException("not initialised");

    /// <summary>The fingerprint the build gives <see cref="RunSources.Unapproved"/>.</summary>
    internal string UnapprovedFingerprint { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        _template = await Built.Value;
        UnapprovedFingerprint = _template.ReadInventory().Tests.Single(t => t.Id == RunSources.Unapproved).Fingerprint;
    }

    private static async Task<TestProject> BuildTemplateAsync()
    {
        var template = await RunSources.BuildApprovedAsync(TestFramework.XunitV3);
        await ToolTests.InstallToolAsync(template);
        return template;
    }

    public ValueTask DisposeAsync() => default;

    /// <summary>A copy of the project, committed on main by a human, with the branch "change" checked out.</summary>
    /// <param name="prepare">Changes to the copy before the base commit (a policy, say).</param>
    internal (TestProject Project, GitRepository Git) NewRepository(string name, Action<TestProject>? prepare = null, string? sshSigningKey = null)
    {
        var project = Template.CopyTo(name);
        prepare?.Invoke(project);
        var git = project.InitGit();
        git.CommitAll("the trusted base", sshSigningKey: sshSigningKey);
        git.Run("checkout", "-q", "-b", "change");
        return (project, git);
    }

    /// <summary>A ledger line approving <see cref="RunSources.Unapproved"/> under a human's name.</summary>
    internal string ApprovalOfUnapproved(string spacing = "") =>
        $$"""{"assembly":{{spacing}}"Shop.Tests","test":{{spacing}}"{{RunSources.Unapproved}}","fingerprint":{{spacing}}"{{UnapprovedFingerprint}}","approver":{{spacing}}"{{GitRepository.Human}}","at":{{spacing}}"2026-11-25T10:00:00Z"}""";
}
