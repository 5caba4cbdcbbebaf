using AgentTestGuard.Approvals;
using AgentTestGuard.Diagnostics;

namespace AgentTestGuard.Configuration;

/// <summary>
/// The policy, criteria catalog and approvals ledger that apply to one test project; any may be
/// absent (no ledger means no approvals).
/// </summary>
internal sealed record RepositoryConfiguration(Policy? Policy, CriteriaCatalog? Catalog, IReadOnlyList<Approval>? Approvals = null)
{
    /// <summary>A policy file was named or found but could not be loaded (its errors are reported): not the same as no policy.</summary>
    public string? UnreadablePolicy { get; init; }

    /// <summary>A catalog file was named or found but could not be loaded (its errors are reported): not the same as no catalog.</summary>
    public string? UnreadableCatalog { get; init; }

    /// <summary>
    /// Loads the files at the given paths (already found by the caller, MSBuild or the tool).
    /// A null or empty path means "none found"; a path that does not exist was named
    /// explicitly and is an error.
    /// </summary>
    public static RepositoryConfiguration Load(string? policyPath, string? catalogPath, out IReadOnlyList<Diagnostic> diagnostics) =>
        Load(policyPath, catalogPath, null, out diagnostics);

    /// <inheritdoc cref="Load(string?, string?, out IReadOnlyList{Diagnostic})"/>
    public static RepositoryConfiguration Load(string? policyPath, string? catalogPath, string? approvalsPath, out IReadOnlyList<Diagnostic> diagnostics)
    {
        var all = new List<Diagnostic>();
        Policy? policy = null;
        CriteriaCatalog? catalog = null;
        IReadOnlyList<Approval>? approvals = null;

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

        if (IsPresent(approvalsPath, "AgentTestGuardApprovalsFile", all))
        {
            approvals = ApprovalLedger.Load(approvalsPath!, out var ledgerDiagnostics);
            all.AddRange(ledgerDiagnostics);
        }

        diagnostics = all;
        return new RepositoryConfiguration(policy, catalog, approvals)
        {
            UnreadablePolicy = policy is null && !string.IsNullOrWhiteSpace(policyPath) ? policyPath : null,
            UnreadableCatalog = catalog is null && !string.IsNullOrWhiteSpace(catalogPath) ? catalogPath : null,
        };
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
