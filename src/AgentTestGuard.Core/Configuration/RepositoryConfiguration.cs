using AgentTestGuard.Diagnostics;

namespace AgentTestGuard.Configuration;

/// <summary>The policy and criteria catalog that apply to one test project; either may be absent.</summary>
public sealed record RepositoryConfiguration(Policy? Policy, CriteriaCatalog? Catalog)
{
    /// <summary>
    /// Loads the files at the given paths (already found by the caller, MSBuild or the tool).
    /// A null or empty path means "none found"; a path that does not exist was named
    /// explicitly and is an error.
    /// </summary>
    public static RepositoryConfiguration Load(string? policyPath, string? catalogPath, out IReadOnlyList<Diagnostic> diagnostics)
    {
        var all = new List<Diagnostic>();
        Policy? policy = null;
        CriteriaCatalog? catalog = null;

        if (IsPresent(policyPath, "AgentTestGuardPolicyFile", all))
        {
            policy = Policy.Load(policyPath!, out var policyDiagnostics);
            all.AddRange(policyDiagnostics);
        }

        if (IsPresent(catalogPath, "AgentTestGuardCriteriaFile", all))
        {
            catalog = CriteriaCatalog.Load(catalogPath!, out var catalogDiagnostics);
            all.AddRange(catalogDiagnostics);
        }

        diagnostics = all;
        return new RepositoryConfiguration(policy, catalog);
    }

    private static bool IsPresent(string? path, string property, List<Diagnostic> diagnostics)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return false;
        }

        if (File.Exists(path))
        {
            return true;
        }

        diagnostics.Add(Descriptors.MissingFile.At(path,
            $"'{path}' does not exist. Create it, or correct or remove the {property} property that names it."));
        return false;
    }
}
