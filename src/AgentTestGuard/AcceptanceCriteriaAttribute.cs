namespace AgentTestGuard;

/// <summary>
/// Links a test to the acceptance criteria it checks, by id: ids from the criteria catalog,
/// or tracker ids accepted by the policy's patterns. On a class, it applies to every test in
/// it, together with any ids on the method itself.
/// </summary>
// Only the named argument repetition needs; see AgentGeneratedAttribute for why no other.
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = true)]
public sealed class AcceptanceCriteriaAttribute : Attribute
{
    /// <param name="ids">One or more criterion ids, for example <c>"CART-12"</c>.</param>
    public AcceptanceCriteriaAttribute(params string[] ids)
    {
        Ids = ids ?? Array.Empty<string>();
    }

    /// <summary>The linked criterion ids.</summary>
    public string[] Ids { get; }
}
