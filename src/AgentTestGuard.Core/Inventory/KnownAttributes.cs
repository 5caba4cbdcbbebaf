namespace AgentTestGuard.Inventory;

/// <summary>
/// Attributes recognized by full name only, so the scanner works whatever version of a test framework
/// (or of AgentTestGuard) the test assembly was compiled against.
/// </summary>
internal static class KnownAttributes
{
    public const string AgentTestGuardNamespace = "AgentTestGuard";
    public const string AgentGeneratedName = "AgentGeneratedAttribute";
    public const string AcceptanceCriteriaName = "AcceptanceCriteriaAttribute";
    public const string AgentGenerated = AgentTestGuardNamespace + "." + AgentGeneratedName;
    public const string AcceptanceCriteria = AgentTestGuardNamespace + "." + AcceptanceCriteriaName;

    /// <summary>The named argument of <c>[AgentGenerated]</c> that lists criterion ids.</summary>
    public const string AgentGeneratedCriteria = "Criteria";

    // xunit v3's fact and theory with the tag built in; the package compiles them into xunit v3 test
    // projects (build/AgentTestGuard.Xunit.cs). Their arguments: the agent, then the criteria.
    public const string AgentFactName = "AgentFactAttribute";
    public const string AgentTheoryName = "AgentTheoryAttribute";
    public const string AgentFact = AgentTestGuardNamespace + "." + AgentFactName;
    public const string AgentTheory = AgentTestGuardNamespace + "." + AgentTheoryName;

    /// <summary>Attributes that make a method a test, directly or through a derived attribute.</summary>
    public static readonly HashSet<string> TestMethod = new(StringComparer.Ordinal)
    {
        "Xunit.FactAttribute",
        "Xunit.TheoryAttribute",
        "Microsoft.VisualStudio.TestTools.UnitTesting.TestMethodAttribute",
        "Microsoft.VisualStudio.TestTools.UnitTesting.DataTestMethodAttribute",
        "NUnit.Framework.TestAttribute",
        "NUnit.Framework.TestCaseAttribute",
        "NUnit.Framework.TestCaseSourceAttribute",
        "NUnit.Framework.TheoryAttribute",
        "TUnit.Core.TestAttribute",
    };

    /// <summary>Where base-type walks stop early: every attribute ends there, none of them is a test attribute.</summary>
    public static readonly HashSet<string> AttributeRoots = new(StringComparer.Ordinal)
    {
        "System.Attribute",
        "System.Object",
    };

    /// <summary>Attributes whose argument names the state machine type that holds a method's real body.</summary>
    public static readonly HashSet<string> StateMachine = new(StringComparer.Ordinal)
    {
        "System.Runtime.CompilerServices.AsyncStateMachineAttribute",
        "System.Runtime.CompilerServices.IteratorStateMachineAttribute",
        "System.Runtime.CompilerServices.AsyncIteratorStateMachineAttribute",
    };

    /// <summary>
    /// Compiler bookkeeping left out of fingerprints: state machine attributes name the ordinal-numbered
    /// state machine type, and the nullable attributes depend on the other members of the class
    /// (the compiler picks the most common nullability as the type's context).
    /// </summary>
    public static readonly HashSet<string> Bookkeeping = new(StringComparer.Ordinal)
    {
        "System.Runtime.CompilerServices.AsyncStateMachineAttribute",
        "System.Runtime.CompilerServices.IteratorStateMachineAttribute",
        "System.Runtime.CompilerServices.AsyncIteratorStateMachineAttribute",
        "System.Diagnostics.DebuggerStepThroughAttribute",
        "System.Runtime.CompilerServices.CompilerGeneratedAttribute",
        "System.Runtime.CompilerServices.NullableAttribute",
        "System.Runtime.CompilerServices.NullableContextAttribute",
    };
}
