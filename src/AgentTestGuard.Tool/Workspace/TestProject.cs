namespace AgentTestGuard.Tool.Workspace;

/// <summary>A test project that uses AgentTestGuard, with the paths the build uses for it.</summary>
/// <param name="Inputs">Files whose change makes the inventory out of date: sources, project, policy, catalog, ledger.</param>
internal sealed record TestProject(
    string ProjectFile,
    string AssemblyName,
    string InventoryFile,
    string ApprovalsFile,
    string? PolicyFile,
    IReadOnlyList<string> Inputs)
{
    /// <summary>The incident log lives beside the ledger: both are the repository's review record.</summary>
    public string IncidentsFile => Path.Combine(Path.GetDirectoryName(ApprovalsFile)!, Configuration.ConfigurationFileNames.Incidents);

    public bool InventoryIsCurrent()
    {
        if (!File.Exists(InventoryFile))
        {
            return false;
        }

        var written = File.GetLastWriteTimeUtc(InventoryFile);
        return Inputs.All(input => !File.Exists(input) || File.GetLastWriteTimeUtc(input) <= written);
    }
}
