using AgentTestGuard.Diagnostics;
using AgentTestGuard.Inventory;

namespace AgentTestGuard.Assertions;

/// <summary>
/// Turns the scan's findings about tests that cannot fail into AGT0020 warnings, once the policy is known: a
/// test that calls a method the policy's <c>assertions</c> name does assert, and its finding is dropped.
/// </summary>
internal static class CannotFailFindings
{
    /// <returns>The tests, with the findings the policy's patterns clear removed.</returns>
    public static IReadOnlyList<AgentTest> Apply(ScanResult scan, IReadOnlyList<AssertionPattern> patterns, string assemblyPath, out IReadOnlyList<Diagnostic> diagnostics)
    {
        var apis = new AssertionApis(patterns);
        var tests = new List<AgentTest>(scan.Tests.Count);
        var found = new List<Diagnostic>();
        foreach (var test in scan.Tests)
        {
            var current = test;
            if (current.CannotFail is { Reason: CannotFailReason.NoAssertion } && apis.HasPatterns
                && scan.UnassertedCalls.TryGetValue(current.Id, out var calls) && calls.Any(apis.IsAssertion))
            {
                current = current with { CannotFail = null };
            }

            if (current.CannotFail is { } finding)
            {
                found.Add(Warning(current, finding, assemblyPath));
            }

            tests.Add(current);
        }

        diagnostics = found;
        return tests;
    }

    private static Diagnostic Warning(AgentTest test, CannotFail finding, string assemblyPath)
    {
        var (file, line) = test.Source is { } source ? (source.File, source.Line) : (assemblyPath, 0);
        var message = finding.Reason == CannotFailReason.NoAssertion
            ? $"Agent test '{test.Id}' cannot fail: its code {finding.Detail}. Assert what it checks (xunit, MSTest, NUnit, TUnit, FluentAssertions, Shouldly or Verify), " +
              "or name the repository's own assertion methods in the policy's 'assertions'."
            : $"Agent test '{test.Id}' has an assertion that cannot fail: {finding.Detail}. Compare what the code under test returns with the value it should return.";
        return Descriptors.CannotFail.At(file, line, 0, message);
    }
}
