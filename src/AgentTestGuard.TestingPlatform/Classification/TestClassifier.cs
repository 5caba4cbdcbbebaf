using AgentTestGuard.Approvals;
using AgentTestGuard.Inventory;
using AgentTestGuard.InventoryFormat;

namespace AgentTestGuard.TestingPlatform.Classification;

/// <summary>
/// Classifies executed tests by their method identity (namespace, type, method), the identity the
/// build recorded in the inventory. Display names are never used: frameworks and agents choose them.
/// </summary>
internal sealed class TestClassifier
{
    private readonly Dictionary<string, TestClass> _byId;

    public TestClassifier(InventoryDocument? inventory)
    {
        Inventory = inventory;
        _byId = new Dictionary<string, TestClass>(StringComparer.Ordinal);

        // Listed here, where the inventory is read while the platform starts, rather than when the
        // session ends: sorting a large suite's agent tests takes a few milliseconds. List.Sort over a
        // reference type runs the framework's precompiled code; OrderBy compiled some of its own
        // (vectorized helpers) in every test run.
        var quarantined = new List<AgentTest>();
        foreach (var test in inventory?.Tests ?? [])
        {
            var testClass = new TestClass(test.Approval?.State == ApprovalState.Approved ? TestKind.Approved : TestKind.Quarantined, test);
            _byId[test.Id] = testClass;

            // A test declared in a base class runs, and is reported, as a test of each class that inherits it.
            foreach (var inheritingClass in test.InheritedBy)
            {
                _byId[inheritingClass + "." + test.MethodName] = testClass;
            }

            if (testClass.IsQuarantined)
            {
                quarantined.Add(test);
            }
        }

        quarantined.Sort(static (left, right) => string.CompareOrdinal(left.Id, right.Id));
        QuarantinedTests = quarantined;
    }

    /// <summary>Null when the build wrote no inventory: every test then gates.</summary>
    public InventoryDocument? Inventory { get; }

    /// <summary>The agent tests without a valid approval (none, or one from before the test was edited), in id order.</summary>
    public IReadOnlyList<AgentTest> QuarantinedTests { get; }

    /// <summary>How a test counts, by the id it ran under: its own, or that of a class inheriting it.</summary>
    public TestClass Classify(string testId) =>
        _byId.TryGetValue(testId, out var found) ? found : TestClass.Gating;

    /// <summary>
    /// The inventory's id for a method: the type's full name as reflection writes it (nested types
    /// joined with '+') and the method name, from the platform's method identity.
    /// </summary>
    /// <param name="spelledAs">
    /// A string that may already spell the id, returned instead of a new one when it does. xunit's
    /// default display name is the id, so a large run's results then allocate no id of their own.
    /// </param>
    public static string TestId(string? @namespace, string typeName, string methodName, string? spelledAs = null)
    {
        if (spelledAs is not null && Spells(spelledAs, @namespace, typeName, methodName))
        {
            return spelledAs;
        }

        return string.IsNullOrEmpty(@namespace) ? $"{typeName}.{methodName}" : $"{@namespace}.{typeName}.{methodName}";
    }

    private static bool Spells(ReadOnlySpan<char> text, string? @namespace, string typeName, string methodName)
    {
        if (!string.IsNullOrEmpty(@namespace))
        {
            if (!text.StartsWith(@namespace, StringComparison.Ordinal) || text.Length == @namespace.Length || text[@namespace.Length] != '.')
            {
                return false;
            }

            text = text[(@namespace.Length + 1)..];
        }

        return text.Length == typeName.Length + 1 + methodName.Length
            && text.StartsWith(typeName, StringComparison.Ordinal)
            && text[typeName.Length] == '.'
            && text.EndsWith(methodName, StringComparison.Ordinal);
    }
}
