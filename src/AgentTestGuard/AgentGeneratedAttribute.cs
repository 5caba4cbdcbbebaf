namespace AgentTestGuard;

/// <summary>
/// Marks a test as written by an AI coding agent. On a class, it applies to every test in it.
/// Until a named human approves it, an agent test runs in quarantine: it is measured but
/// cannot fail the build.
/// </summary>
/// <example><code>[Fact, AgentGenerated("copilot", Criteria = ["CART-12"])]</code></example>
// No named arguments here: xunit v3 reads the AttributeUsage of every attribute of a test, four
// times per test, and the runtime sets each named argument through reflection, whose invoke stubs
// it compiles again each time a collection has dropped them (about 140 more compiled stubs in a
// 10,000-test run with 2,000 agent tests; build/benchmark-run.sh). Reflection therefore reports
// the tag as inherited; the build reads tags where they are written (docs: README, Attributes).
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
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
