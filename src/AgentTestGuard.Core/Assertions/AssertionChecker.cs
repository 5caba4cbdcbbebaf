using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using AgentTestGuard.Inventory;

namespace AgentTestGuard.Assertions;

/// <summary>
/// Reads a test's IL, with the code the compiler moved out of it (lambdas, local functions, the async or
/// iterator state machine's <c>MoveNext</c>), for the assertions it makes (<see cref="AssertionApis"/>).
/// A test that calls a helper method of the same assembly counts the helper's assertions too, one level deep:
/// the helper's own code and what the compiler moved out of it, not the helpers it calls in turn.
/// A <c>throw</c> counts as an assertion (a hand-written check), and so does <c>[ExpectedException]</c>.
/// </summary>
internal sealed class AssertionChecker
{
    private const string NoAssertionDetail = "calls no assertion and expects no exception";

    private readonly MetadataReader reader;
    private readonly PEReader pe;
    private readonly AssertionApis apis;
    private readonly CalledMethods called;
    private readonly Dictionary<MethodDefinitionHandle, Walk> helpers = [];

    public AssertionChecker(MetadataReader reader, PEReader pe, AssertionApis apis)
    {
        this.reader = reader;
        this.pe = pe;
        this.apis = apis;
        called = new CalledMethods(reader);
    }

    /// <summary>Why the test cannot fail; null when it can (or when its code is not there to read).</summary>
    /// <param name="calls">For a test without assertions, every method it and its helpers call, to match later patterns against.</param>
    public CannotFail? Check(MethodDefinitionHandle test, out IReadOnlyList<CalledMethod> calls)
    {
        calls = [];
        var method = reader.GetMethodDefinition(test);
        if (method.RelativeVirtualAddress == 0 || ExpectsException(method))
        {
            return null;
        }

        var walk = Read(test, findTrivial: true);
        if (walk.Trivial is { } trivial)
        {
            return new CannotFail(CannotFailReason.TrivialAssertion, trivial);
        }

        if (walk.Asserts)
        {
            return null;
        }

        var all = new List<CalledMethod>(walk.Calls);
        foreach (var helper in walk.Helpers)
        {
            if (!helpers.TryGetValue(helper, out var helperWalk))
            {
                helpers[helper] = helperWalk = Read(helper, findTrivial: false);
            }

            if (helperWalk.Asserts)
            {
                return null;
            }

            all.AddRange(helperWalk.Calls);
        }

        calls = all;
        return new CannotFail(CannotFailReason.NoAssertion, NoAssertionDetail);
    }

    private bool ExpectsException(MethodDefinition method)
    {
        foreach (var handle in method.GetCustomAttributes())
        {
            if (MetadataNames.AttributeTypeName(reader, reader.GetCustomAttribute(handle)) is { } name
                && name.EndsWith("ExpectedExceptionAttribute", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private Walk Read(MethodDefinitionHandle start, bool findTrivial)
    {
        var walk = new Walk();
        var followed = new FollowedMethods(reader);
        followed.Add(start);
        for (var i = 0; i < followed.Count; i++)
        {
            var moveNext = StateMachineLocator.FindMoveNext(reader, followed[i]);
            if (!moveNext.IsNil)
            {
                followed.Add(moveNext);
            }

            var method = reader.GetMethodDefinition(followed[i]);
            if (method.RelativeVirtualAddress != 0)
            {
                ReadBody(IlInstructions.Decode(pe.GetMethodBody(method.RelativeVirtualAddress)), followed, walk, findTrivial);
            }

            if (walk.Trivial is not null)
            {
                break;
            }
        }

        return walk;
    }

    private void ReadBody(IlInstructions il, FollowedMethods followed, Walk walk, bool findTrivial)
    {
        var items = il.Items;
        for (var i = 0; i < items.Count; i++)
        {
            var opCode = items[i].OpCode;
            if (opCode == OpCodes.Throw)
            {
                walk.Asserts = true;
                continue;
            }

            if (opCode.OperandType != OperandType.InlineMethod || called.Resolve(items[i].Token) is not { } target)
            {
                continue;
            }

            if (apis.IsAssertion(target))
            {
                walk.Asserts = true;
                if (findTrivial && TautologyDetector.Explain(il, i, target, called) is { } trivial)
                {
                    walk.Trivial = trivial;
                    return;
                }
            }
            else if (target.Definition.IsNil || followed.TryFollow(target.Definition) is null)
            {
                // Not code the compiler moved out of this method: a call the policy's patterns may name, and
                // when it is in this assembly, a helper whose assertions count.
                walk.Calls.Add(target);
                if (!target.Definition.IsNil)
                {
                    walk.Helpers.Add(target.Definition);
                }
            }
        }
    }

    private sealed class Walk
    {
        public bool Asserts { get; set; }

        public string? Trivial { get; set; }

        public HashSet<MethodDefinitionHandle> Helpers { get; } = [];

        public List<CalledMethod> Calls { get; } = [];
    }
}
