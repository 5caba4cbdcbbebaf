namespace AgentTestGuard;

/// <summary>
/// Marks a test as written by an AI coding agent. On a class, it applies to every test in it.
/// Until a named human approves it, an agent test runs in quarantine: it is measured but
/// cannot fail the build.
/// </summary>
/// <example><code>[Fact, AgentGenerated("copilot", Criteria = ["CART-12"])]</code></example>
// AllowMultiple keeps its default (false) unwritten: the runtime sets each named argument here by
// reflection whenever a test framework reads a test's attributes, four times per test in xunit v3
// (1.4 us per agent test less without it; build/benchmark-run.sh, measure-attributes).
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, Inherited = false)]
public sealed class AgentGeneratedAttribute : Attribute
{
    /// <param name="agent">The agent that wrote the test, as named in the policy's <c>agents</c> list.</param>
    public AgentGeneratedAttribute(string agent)
    {
        Agent = agent;
    }

    /// <summary>The agent that wrote the test.</summary>
    public string Agent { get; }

    /// <summary>Optional evidence: the model that produced the test.</summary>
    public string? Model { get; set; }

    /// <summary>Optional evidence: the agent session, run or conversation that produced the test.</summary>
    public string? Session { get; set; }

    /// <summary>Optional evidence: a reference to the prompt or task the agent worked from.</summary>
    public string? Prompt { get; set; }

    /// <summary>
    /// The acceptance criteria the test checks, by id: the same as an <see cref="AcceptanceCriteriaAttribute"/>
    /// beside this one, in one attribute. Test frameworks reflect over every attribute of a test each
    /// time they inspect it (xunit v3 four times per test), so one attribute costs a run less than two.
    /// </summary>
    public string[]? Criteria { get; set; }
}
