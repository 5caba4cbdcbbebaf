using AgentTestGuard.Configuration;
using AgentTestGuard.Diagnostics;
using AgentTestGuard.Inventory;

namespace AgentTestGuard.Validation;

/// <summary>
/// Checks agent tests against the repository's rules: each links to at least one known
/// criterion, and its agent is one the policy allows. Diagnostics point at the test's source.
/// </summary>
internal static class AgentTestValidator
{
    /// <param name="assemblyPath">Where to point when a test has no source location (no PDB).</param>
    /// <param name="searchedFrom">The directory the files were looked for from, to say where to create them.</param>
    public static IReadOnlyList<Diagnostic> Validate(
        IReadOnlyList<AgentTest> tests,
        RepositoryConfiguration configuration,
        string assemblyPath,
        string searchedFrom)
    {
        var diagnostics = new List<Diagnostic>();
        if (tests.Count == 0)
        {
            return diagnostics;
        }

        var (policy, catalog, _) = configuration;

        // A policy or catalog that exists but cannot be read has its own errors (AGT0005, AGT0004,
        // AGT0011): reporting it as missing as well, once per test, would bury them.
        if (policy is null && configuration.UnreadablePolicy is null)
        {
            diagnostics.Add(Descriptors.NoPolicy.At(assemblyPath,
                $"{tests.Count} agent test(s) found but no {ConfigurationFileNames.Policy} in '{searchedFrom}' or above, so any agent may contribute tests. " +
                $"Create one that names the workflow owner and the allowed agents (see the README), or set AgentTestGuardPolicyFile."));
        }

        var notChecked = new List<string>();
        foreach (var test in tests)
        {
            var (file, line) = test.Source is { } source ? (source.File, source.Line) : (assemblyPath, 0);
            var name = $"Agent test '{test.Id}'";

            if (policy is not null && !policy.Allows(test.Agent))
            {
                var allowed = policy.Agents.Count == 0 ? "none" : string.Join(", ", policy.Agents);
                diagnostics.Add(Descriptors.AgentNotAllowed.At(file, line, 0,
                    $"{name} is tagged with agent '{Inert.Quote(test.Agent)}', which the policy '{policy.Path}' does not allow (allowed: {allowed}). " +
                    $"Correct the agent in its [{test.Tag}], or have the workflow owner add the agent to 'agents' in the policy."));
            }

            if (test.Criteria.Count == 0)
            {
                diagnostics.Add(Descriptors.MissingCriteria.At(file, line, 0,
                    $"{name} links to no acceptance criterion. Name the criterion it checks: {AgentTest.TagExample(test.Tag, "\"<id>\"", Inert.Quote(test.Agent))}, or [AcceptanceCriteria(\"<id>\")] on the method or its class."));
            }

            foreach (var id in test.Criteria)
            {
                if (configuration.UnreadableCatalog is not null && !IsKnown(id, policy, catalog))
                {
                    notChecked.Add(test.Id);
                    break;
                }

                if (catalog?.Find(id) is not null)
                {
                    continue;
                }

                var matches = policy?.CriteriaPatterns.Select(p => (Pattern: p, Match: p.Match(id))).ToList() ?? [];
                if (matches.Any(m => m.Match == PatternMatch.Matches))
                {
                    continue;
                }

                if (matches.FirstOrDefault(m => m.Match == PatternMatch.TimedOut).Pattern is { } slow)
                {
                    diagnostics.Add(Descriptors.UnknownCriterion.At(file, line, 0,
                        $"{name} links to criterion '{Inert.Quote(id)}', which could not be checked: matching it against the 'criteriaPatterns' entry '{Inert.Quote(slow.Pattern)}' of the policy '{policy!.Path}' timed out after {(int)CriterionPattern.Timeout.TotalMilliseconds} ms. " +
                        "Simplify the pattern (avoid nested repetition such as (a+)+), or add the criterion to the catalog."));
                }
                else
                {
                    diagnostics.Add(Descriptors.UnknownCriterion.At(file, line, 0,
                        $"{name} links to criterion '{Inert.Quote(id)}', which {DescribeKnown(policy, catalog, searchedFrom)}. " +
                        "Correct the id, or add the criterion to the catalog."));
                }
            }
        }

        if (notChecked.Count > 0)
        {
            // Under the code of the catalog's own error: malformed (AGT0004), or named and missing (AGT0011).
            var exists = File.Exists(configuration.UnreadableCatalog);
            diagnostics.Add((exists ? Descriptors.MalformedCatalog : Descriptors.MissingFile).At(configuration.UnreadableCatalog,
                $"The criteria of {Count(notChecked.Count)} could not be checked, because the criteria catalog above {(exists ? "is malformed" : "does not exist")}: " +
                $"{string.Join(", ", notChecked.Select(Inert.Quote))}. Correct the catalog; the build checks them then."));
        }

        return diagnostics;
    }

    private static string Count(int tests) => tests == 1 ? "1 agent test" : $"{tests} agent tests";

    private static bool IsKnown(string id, Policy? policy, CriteriaCatalog? catalog) =>
        catalog?.Find(id) is not null || (policy?.CriteriaPatterns.Any(p => p.Match(id) == PatternMatch.Matches) ?? false);

    private static string DescribeKnown(Policy? policy, CriteriaCatalog? catalog, string searchedFrom)
    {
        var patterns = policy?.CriteriaPatterns.Count > 0
            ? $" and no 'criteriaPatterns' entry of the policy '{policy.Path}' matches"
            : string.Empty;
        return catalog is null
            ? $"is unknown: no {ConfigurationFileNames.Catalog} was found in '{searchedFrom}' or above{patterns}"
            : $"the criteria catalog '{catalog.Path}' does not define{patterns}";
    }
}
