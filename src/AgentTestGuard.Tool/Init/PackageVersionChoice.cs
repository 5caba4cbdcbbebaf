using NuGet.Versioning;

namespace AgentTestGuard.Tool.Init;

/// <summary>What one package source said about a package: its versions, or why it did not answer.</summary>
internal sealed record SourceAnswer(string Source, IReadOnlyList<NuGetVersion>? Versions, string? Problem = null);

/// <summary>The version init adds, and where it came from; or, when there is none, why.</summary>
internal sealed record VersionChoice(NuGetVersion? Version, string? Source, string? Problem);

/// <summary>
/// Picks the version to add from what the package sources answered: the highest stable version,
/// as `dotnet add package` does; a prerelease only when no source has a stable one (a package
/// that has only previews still gets added, rather than nothing).
/// </summary>
internal static class PackageVersionChoice
{
    public static VersionChoice Newest(string packageId, IReadOnlyList<SourceAnswer> answers)
    {
        var offered = answers
            .Where(a => a.Versions is not null)
            .SelectMany(a => a.Versions!.Select(v => (Version: v, a.Source)))
            .ToList();
        var stable = offered.Where(o => !o.Version.IsPrerelease).ToList();
        var candidates = stable.Count > 0 ? stable : offered;
        if (candidates.Count > 0)
        {
            var (version, source) = candidates.MaxBy(o => o.Version);
            return new VersionChoice(version, source, null);
        }

        var failed = answers.Where(a => a.Versions is null).ToList();
        var problem = answers.Count == 0
            ? "no package source is configured (nuget.config)"
            : failed.Count == answers.Count
                ? "no package source answered: " + string.Join("; ", failed.Select(a => $"{a.Source}: {a.Problem}"))
                : $"{packageId} is not on the package sources ({string.Join(", ", answers.Where(a => a.Versions is not null).Select(a => a.Source))})"
                    + (failed.Count > 0 ? "; these did not answer: " + string.Join("; ", failed.Select(a => $"{a.Source}: {a.Problem}")) : "");
        return new VersionChoice(null, null, problem);
    }
}
