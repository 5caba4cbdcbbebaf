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

    public bool InventoriesAreCurrent() => Inventories.All(inventory => IsCurrent(inventory.File));

    private bool IsCurrent(string inventory)
    {
        if (!File.Exists(inventory))
        {
            return false;
        }

        var written = File.GetLastWriteTimeUtc(inventory);
        return Inputs.All(input => !File.Exists(input) || File.GetLastWriteTimeUtc(input) <= written);
    }
}

/// <summary>The inventory the build of one target framework writes.</summary>
internal sealed record FrameworkInventory(string Framework, string File);
