using AgentTestGuard.Configuration;
using AgentTestGuard.Tool.Git;

namespace AgentTestGuard.Tool.Commands.Verify;

/// <summary>
/// `verify --base`: the change since the base may not touch what decides the gate unless a
/// trusted human (see <see cref="CommitTrust"/>) made each such commit. That is the review files
/// (policy, ledger, incident log, criteria catalog, stop-rule decisions, wherever they are), and any line about
/// AgentTestGuard in the files that configure a build or a run (MSBuild files, response files,
/// test run settings, CI pipelines and scripts): an agent that may edit them could switch the
/// product off, or hide its flaky tests by turning reruns off.
/// </summary>
internal static class ProtectedChangeCheck
{
    public sealed record Offence(string File, string Why);

    private static readonly string[] ReviewFiles =
    [
        ConfigurationFileNames.Policy, ConfigurationFileNames.Approvals, ConfigurationFileNames.Incidents, ConfigurationFileNames.Catalog,
        Decisions.DecisionLog.FileName,
    ];

    // Where a build or a test run is configured (MSBuild, response files, run settings, CI definitions
    // and scripts): each line a commit adds or removes that SettingLines matches counts, named by its line.
    private static readonly string[] SettingFiles =
    [
        "*.csproj", "*.fsproj", "*.vbproj", "*.proj", "*.props", "*.targets", "*.rsp", "*.runsettings", "*testconfig.json",
        "*.yml", "*.yaml", "*.sh", "*.bash", "*.ps1", "*.psm1", "*.cmd", "*.bat", "*.cake", "*.mk", "Makefile", "Jenkinsfile", "*.env",
        ".ci/**", ".github/**", ".azure-pipelines/**", ".gitlab/**",
    ];

    // Any change to one counts: a package source it adds can serve a forged AgentTestGuard of the
    // same id and version, which would leave the gate out without a line that names it.
    private const string PackageSources = "nuget.config";

    /// <param name="otherReviewFiles">Review files at other paths the projects name (by their properties), from the root.</param>
    /// <returns>The offending changes, or null with git's complaint.</returns>
    public static (IReadOnlyList<Offence>? Offences, string? Problem) Check(BaseRevision trustedBase, Policy? policy, IEnumerable<string> otherReviewFiles)
    {
        var reviewSpecs = ReviewFiles.Select(name => $":(glob,icase)**/{name}")
            .Concat(otherReviewFiles.Select(path => $":(literal){path}"))
            .ToList();
        var settingSpecs = SettingFiles.Append(PackageSources).Select(pattern => $":(glob,icase)**/{pattern}").ToList();
        var (changed, problem) = ChangeHistory.Changed(trustedBase, [.. reviewSpecs, .. settingSpecs]);
        if (changed is null)
        {
            return (null, problem);
        }

        var reviewed = new HashSet<string>(otherReviewFiles, StringComparer.Ordinal);
        var offending = new List<(string File, string Commit, string? What)>();
        foreach (var commit in changed)
        {
            foreach (var file in commit.Files)
            {
                if (IsReviewFile(file) || reviewed.Contains(file))
                {
                    offending.Add((file, commit.Id, null));
                    continue;
                }

                if (file[(file.LastIndexOf('/') + 1)..].Equals(PackageSources, StringComparison.OrdinalIgnoreCase))
                {
                    offending.Add((file, commit.Id, "changes the package sources, one of which could serve a forged AgentTestGuard"));
                    continue;
                }

                var (lines, linesProblem) = ChangeHistory.ChangedLines(trustedBase, commit.Id, file);
                if (lines is null)
                {
                    return (null, linesProblem);
                }

                offending.AddRange(lines.Where(line => SettingLines.Matches(line.Text))
                    .Select(line => ($"{file}({line.Line})", commit.Id, (string?)SettingLines.Describe(line.Text, line.Added))));
            }
        }

        var (commits, detailsProblem) = CommitDetails.Read(trustedBase.TopLevel, offending.Select(o => o.Commit), policy?.RequireSignedApprovals == true);
        if (commits is null)
        {
            return (null, detailsProblem);
        }

        var offences = new List<Offence>();
        foreach (var (file, id, what) in offending)
        {
            if (!commits.TryGetValue(id, out var commit))
            {
                offences.Add(new Offence(file, $"git cannot show commit {id[..12]}"));
            }
            else if (CommitTrust.Problems(commit, policy) is { Count: > 0 } problems)
            {
                var by = CommitTrust.Describe("changed", commit, problems);
                offences.Add(new Offence(file, what is null ? by : $"{what}; {by}"));
            }
        }

        return (offences, null);
    }

    private static bool IsReviewFile(string path) =>
        ReviewFiles.Contains(path[(path.LastIndexOf('/') + 1)..], StringComparer.OrdinalIgnoreCase);
}
