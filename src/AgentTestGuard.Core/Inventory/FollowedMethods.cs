using System.Reflection.Metadata;

namespace AgentTestGuard.Inventory;

/// <summary>
/// The compiler-generated methods that hold part of a test's code (lambdas, local functions, state machine
/// <c>MoveNext</c>, display class constructors), numbered in the order the test's IL reaches them. A test
/// refers to them by that number, never by their ordinal-bearing names, and only the ones it reaches are
/// hashed: the shared <c>&lt;&gt;c</c> class also holds other tests' lambdas.
/// Ordinary methods (helpers) are never followed: a test is only bound to their name and signature.
/// </summary>
internal sealed class FollowedMethods
{
    private readonly MetadataReader reader;
    private readonly List<MethodDefinitionHandle> order = [];
    private readonly Dictionary<MethodDefinitionHandle, int> numbers = [];

    public FollowedMethods(MetadataReader reader)
    {
        this.reader = reader;
    }

    public int Count => order.Count;

    public MethodDefinitionHandle this[int index] => order[index];

    public IReadOnlyList<MethodDefinitionHandle> All => order;

    /// <summary>Adds the method (once) and returns its number.</summary>
    public int Add(MethodDefinitionHandle method)
    {
        if (!numbers.TryGetValue(method, out var number))
        {
            number = order.Count;
            order.Add(method);
            numbers[method] = number;
        }

        return number;
    }

    /// <summary>Adds a referenced method if the compiler generated it; returns its number, or null for ordinary methods.</summary>
    public int? TryFollow(MethodDefinitionHandle method)
    {
        var definition = reader.GetMethodDefinition(method);
        var generated = MetadataNames.IsGenerated(reader.GetString(definition.Name))
            || MetadataNames.IsGeneratedType(reader, definition.GetDeclaringType());
        return generated ? Add(method) : null;
    }
}
