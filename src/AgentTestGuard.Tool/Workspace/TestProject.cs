namespace AgentTestGuard.Tool.Workspace;

/// <summary>A test project that uses AgentTestGuard, with the paths the build uses for it.</summary>
/// <param name="Inputs">Files whose change makes the inventory out of date: sources, project, policy, catalog, ledger.</param>
/// <param name="Inventories">One per target framework the command builds (each build writes its own).</param>
internal sealed record TestProject(
    string ProjectFile,
    string AssemblyName,
    IReadOnlyList<FrameworkInventory> Inventories,
    string ApprovalsFile,
    string? PolicyFile,
    IReadOnlyList<string> Inputs)
{
    /// <summary>
    /// Whether its unapproved agent tests run quarantined: false for a project on VSTest (or .NET
    /// Framework), where they gate like any other test (AGT0016).
    /// </summary>
    public bool Quarantines { get; init; } = true;

    /// <summary>The incident log lives beside the ledger: both are the repository's review record.</summary>
    public string IncidentsFile => Path.Combine(Path.GetDirectoryName(ApprovalsFile)!, Configuration.ConfigurationFileNames.Incidents);

    /// <summary>Why its inventories are not current, in the words the tool prints; null when they are.</summary>
    /// <remarks>
    /// An inventory is current when it exists and no input was written after it, as the package's
    /// build decides (its target's Inputs and Outputs). The first stale framework is told.
    /// </remarks>
    public string? StaleInventory()
    {
        foreach (var inventory in Inventories)
        {
            var which = Inventories.Count > 1 ? $"agent test inventory for {inventory.Framework}" : "agent test inventory";
            if (!File.Exists(inventory.File))
            {
                return $"its {which} does not exist yet";
            }

            var written = File.GetLastWriteTimeUtc(inventory.File);
            var newer = Inputs.Where(input => File.Exists(input) && File.GetLastWriteTimeUtc(input) > written).ToList();
            if (newer.Count > 0)
            {
                var more = newer.Count > 1 ? $" and {newer.Count - 1} more {(newer.Count == 2 ? "file" : "files")}" : "";
                return $"its {which} is older than {Path.GetRelativePath(Path.GetDirectoryName(ProjectFile)!, newer[0])}{more}";
            }
        }

        return null;
    }
}

/// <summary>The inventory the build of one target framework writes.</summary>
internal sealed record FrameworkInventory(string Framework, string File);
