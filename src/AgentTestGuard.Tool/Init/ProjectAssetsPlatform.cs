using System.Text.Json;
using NuGet.Versioning;

namespace AgentTestGuard.Tool.Init;

/// <summary>
/// Reads, from a restored project's obj/project.assets.json, which Microsoft.Testing.Platform each
/// of its target frameworks resolves and which of the project's own package references brings it.
/// </summary>
internal static class ProjectAssetsPlatform
{
    public const string PlatformPackage = "Microsoft.Testing.Platform";

    /// <param name="required">The lowest platform version the package works with.</param>
    /// <exception cref="JsonException">The file is not an assets file.</exception>
    public static PlatformFinding Read(string assetsJson, NuGetVersion required)
    {
        using var document = JsonDocument.Parse(assetsJson);
        var root = document.RootElement;
        var direct = root.GetProperty("project").GetProperty("frameworks").EnumerateObject()
            .SelectMany(f => f.Value.TryGetProperty("dependencies", out var d) ? d.EnumerateObject().Select(p => p.Name) : [])
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToList();

        PlatformFinding? worst = null;
        // A runtime-specific graph ("net10.0/linux-x64") repeats its framework's.
        foreach (var target in root.GetProperty("targets").EnumerateObject().Where(t => !t.Name.Contains('/', StringComparison.Ordinal)))
        {
            var packages = target.Value.EnumerateObject()
                .Select(p => (Key: p.Name.Split('/'), Value: p.Value))
                .Where(p => p.Key.Length == 2)
                .ToDictionary(p => p.Key[0], p => (Version: p.Key[1], Dependencies: Dependencies(p.Value)), StringComparer.OrdinalIgnoreCase);
            if (!packages.TryGetValue(PlatformPackage, out var platform))
            {
                return new PlatformFinding(PlatformState.NotOnPlatform);
            }

            if (NuGetVersion.Parse(platform.Version) < required && worst is null)
            {
                var bringer = direct.FirstOrDefault(d => d.Equals(PlatformPackage, StringComparison.OrdinalIgnoreCase))
                    ?? direct.FirstOrDefault(d => Reaches(d, packages));
                worst = new PlatformFinding(PlatformState.TooOld, platform.Version,
                    bringer is null ? null : $"{bringer} {packages.GetValueOrDefault(bringer).Version}".TrimEnd());
            }
        }

        return worst ?? PlatformFinding.Supported;
    }

    private static List<string> Dependencies(JsonElement package) =>
        package.TryGetProperty("dependencies", out var dependencies) ? [.. dependencies.EnumerateObject().Select(d => d.Name)] : [];

    private static bool Reaches(string start, Dictionary<string, (string Version, List<string> Dependencies)> packages)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Stack<string>([start]);
        while (pending.TryPop(out var name))
        {
            if (name.Equals(PlatformPackage, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (seen.Add(name) && packages.TryGetValue(name, out var package))
            {
                package.Dependencies.ForEach(pending.Push);
            }
        }

        return false;
    }
}
