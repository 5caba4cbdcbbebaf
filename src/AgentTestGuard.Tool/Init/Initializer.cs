using System.Runtime.CompilerServices;
using AgentTestGuard.FileSystem;
using AgentTestGuard.Tool.Cli;
using AgentTestGuard.Tool.Workspace;
using NuGet.Versioning;

namespace AgentTestGuard.Tool.Init;

/// <summary>
/// What `dotnet agt init` does, once MSBuild (and with it the SDK's NuGet) is registered: checks
/// and decides everything first (existing files, test projects, the version), so that a refusal
/// or a failed lookup writes nothing; then creates the files and edits the projects.
/// </summary>
internal static class Initializer
{
    private static readonly TimeSpan LookupTimeout = TimeSpan.FromMinutes(1);

    // Not inlined into the caller, whose code must compile before MSBuild and NuGet can load.
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static int Run(string root, string? versionText, Output output, IPackageSources? sources, ITestPlatformProbe? probe = null)
    {
        NuGetVersion? pinned = null;
        if (versionText is not null && !NuGetVersion.TryParse(versionText, out pinned))
        {
            output.Error($"--version '{Output.Inert(versionText)}' is not a package version (for example 1.2.0 or 1.3.0-beta.1).");
            return ExitCodes.Usage;
        }

        var existing = StarterFiles.All.Select(f => f.Name).Where(name => File.Exists(Path.Combine(root, name))).ToList();
        if (existing.Count > 0)
        {
            return Refuse(root, existing, output);
        }

        var (projects, unreadable) = TestProjectFinder.Find(ProjectFiles.InFolder(root));

        // Before anything is written: a project on an older platform is left as it is (the package
        // would fail its restore, or load into a platform it was not built for).
        probe ??= new RestoringPlatformProbe(output);
        var platforms = projects.Where(p => !p.ReferencesPackage).ToDictionary(p => p, p => probe.Probe(p.ProjectFile, p.AssetsFile));
        var toReference = platforms.Where(p => p.Value.State != PlatformState.TooOld).Select(p => p.Key).ToList();
        var toVersion = toReference.Where(p => p.CentralVersionsFile is not null && !p.CentralVersionDefined)
            .Select(p => p.CentralVersionsFile!).Distinct(StringComparer.Ordinal).ToList();
        var needsVersion = toVersion.Count > 0 || toReference.Any(p => p.CentralVersionsFile is null);

        var choice = new VersionChoice(pinned, null, null);
        if (needsVersion && pinned is null)
        {
            using var timeout = new CancellationTokenSource(LookupTimeout);
            var answers = (sources ?? new NuGetPackageSources())
                .FindVersionsAsync(root, PackageReferenceEditor.PackageId, timeout.Token).GetAwaiter().GetResult();
            choice = PackageVersionChoice.Newest(PackageReferenceEditor.PackageId, answers);
            if (choice.Version is null)
            {
                output.Error($"cannot find the newest {PackageReferenceEditor.PackageId}: {Output.Inert(choice.Problem)}. Pin one with --version; nothing was written.");
                return ExitCodes.Error;
            }
        }

        var changes = new List<string[]>();
        foreach (var (name, content, purpose) in StarterFiles.All)
        {
            if (!AtomicFile.TryCreate(Path.Combine(root, name), content))
            {
                // Created by someone else (another init?) since the check above: left as it is.
                if (changes.Count > 0)
                {
                    output.Table(["FILE", "CHANGE"], changes);
                }

                output.Error($"refused: {name} appeared in {Output.Inert(root)} while init ran; it was left as it is, and no project was changed.");
                return ExitCodes.Refused;
            }

            changes.Add([name, "created: " + purpose]);
        }

        if (GitAttributes.AddUnionMerge(root) is { Count: > 0 } unionFiles)
        {
            changes.Add([GitAttributes.FileName, "merge=union for " + string.Join(", ", unionFiles)]);
        }

        if (GitIgnore.AddHistory(root))
        {
            changes.Add([GitIgnore.FileName, "ignores " + AgentTestGuard.History.Store.HistoryLocation.GitIgnoreEntry + ", the local run history"]);
        }

        if (GitIgnore.AddLeftovers(root) is { Count: > 0 } ignored)
        {
            changes.Add([GitIgnore.FileName, "ignores " + string.Join(", ", ignored)]);
        }

        var version = choice.Version?.ToNormalizedString();
        try
        {
            foreach (var props in toVersion)
            {
                PackageReferenceEditor.AddVersion(props, version!);
                changes.Add([Relative(root, props), $"PackageVersion {PackageReferenceEditor.PackageId} {version}"]);
            }

            foreach (var project in projects)
            {
                var platform = platforms.GetValueOrDefault(project);
                var central = project.CentralVersionsFile is not null;
                var added = toReference.Contains(project) && PackageReferenceEditor.AddReference(project.ProjectFile, central ? null : version);
                changes.Add([Relative(root, project.ProjectFile), added
                    ? $"PackageReference {PackageReferenceEditor.PackageId}" + (central ? " (version in " + Path.GetFileName(project.CentralVersionsFile) + ")" : " " + version)
                        + InitReport.PlatformNote(platform)
                    : platform?.State == PlatformState.TooOld
                        ? "not changed: " + InitReport.TooOld(platform)
                        : $"unchanged: already references {PackageReferenceEditor.PackageId}"]);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            output.Table(["FILE", "CHANGE"], changes);
            output.Error($"cannot add {PackageReferenceEditor.PackageId}: {Output.Inert(e.Message)}");
            return ExitCodes.Error;
        }

        changes.AddRange(unreadable.Select(u => new[] { Relative(root, u.ProjectFile), "skipped: MSBuild cannot evaluate it: " + Output.Inert(u.Problem) }));
        output.Table(["FILE", "CHANGE"], changes);
        output.Line();
        if (version is not null)
        {
            output.Line(VersionNote(choice, version));
        }

        InitReport.NextSteps(projects, platforms, output);
        return ExitCodes.Success;
    }

    private static int Refuse(string root, List<string> existing, Output output)
    {
        output.Error($"refused: {string.Join(", ", existing)} already {(existing.Count == 1 ? "exists" : "exist")} in {Output.Inert(root)}. "
            + "init only sets up a repository without AgentTestGuard files, and wrote nothing.");
        return ExitCodes.Refused;
    }

    private static string VersionNote(VersionChoice choice, string version) => choice.Source is null
        ? $"{PackageReferenceEditor.PackageId} {version}: pinned with --version."
        : choice.Version!.IsPrerelease
            ? $"{PackageReferenceEditor.PackageId} {version}: the newest version on '{Output.Inert(choice.Source)}', a prerelease (no source has a stable one)."
            : $"{PackageReferenceEditor.PackageId} {version}: the newest stable version on '{Output.Inert(choice.Source)}'.";

    private static string Relative(string root, string file) => Output.Inert(Path.GetRelativePath(root, file));
}
