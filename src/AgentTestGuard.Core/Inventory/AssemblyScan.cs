using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using AgentTestGuard.Assertions;
using AgentTestGuard.Diagnostics;

namespace AgentTestGuard.Inventory;

/// <summary>One pass over one open assembly: which methods are agent tests, and what to report about each.</summary>
internal sealed class AssemblyScan : IDisposable
{
    private readonly MetadataReader reader;
    private readonly string path;
    private readonly TestMethodRecognizer recognizer;
    private readonly PdbSourceLocator? pdb;
    private readonly TestFingerprinter fingerprinter;
    private readonly AssertionChecker assertions;
    private readonly Dictionary<string, IReadOnlyList<CalledMethod>> unassertedCalls = new(StringComparer.Ordinal);
    private readonly List<AgentTest> tests = [];
    private readonly List<TypeDefinitionHandle> declaringTypes = []; // of each entry of tests
    private readonly List<Diagnostic> diagnostics = [];
    private int found;

    public AssemblyScan(MetadataReader reader, PEReader pe, string path, ReferenceAssemblyResolver resolver, PdbSourceLocator? pdb)
    {
        this.reader = reader;
        this.path = path;
        recognizer = new TestMethodRecognizer(resolver);
        this.pdb = pdb;
        fingerprinter = new TestFingerprinter(reader, pe, resolver, pdb?.Source);
        assertions = new AssertionChecker(reader, pe, AssertionApis.BuiltIn);
    }

    public void Dispose() => fingerprinter.Dispose();

    public ScanResult Run()
    {
        foreach (var type in reader.TypeDefinitions)
        {
            // Lambdas, state machines and display classes are parts of tests, never tests themselves.
            if (!MetadataNames.IsGeneratedType(reader, type))
            {
                ScanType(type);
            }
        }

        if (found > 0 && pdb is null)
        {
            diagnostics.Add(Descriptors.NoSymbols.At(
                path,
                $"'{path}' has agent tests but no portable PDB (embedded or beside it), so their source locations are unknown. Build with <DebugType>portable</DebugType> or <DebugType>embedded</DebugType>."));
        }

        AddInheritingClasses();
        tests.Sort((left, right) => string.CompareOrdinal(left.Id, right.Id));
        return new ScanResult(reader.GetString(reader.GetAssemblyDefinition().Name), tests, diagnostics) { UnassertedCalls = unassertedCalls };
    }

    /// <summary>
    /// Class-level tags come from the declaring type only, not from the types it is nested in: the attributes
    /// are not inherited, and a nested class is tagged on its own like any other.
    /// </summary>
    private void ScanType(TypeDefinitionHandle typeHandle)
    {
        var type = reader.GetTypeDefinition(typeHandle);
        var classTags = AgentAttributeReader.Read(reader, type.GetCustomAttributes());
        var typeName = MetadataNames.TypeDefinition(reader, typeHandle);
        foreach (var methodHandle in type.GetMethods())
        {
            var method = reader.GetMethodDefinition(methodHandle);
            var methodName = reader.GetString(method.Name);
            if (MetadataNames.IsGenerated(methodName))
            {
                continue;
            }

            var methodTags = AgentAttributeReader.Read(reader, method.GetCustomAttributes());
            var fromMethod = methodTags.AgentGenerated is not null;
            if (!fromMethod && (classTags.AgentGenerated is null || !recognizer.IsTestMethod(reader, method)))
            {
                continue;
            }

            found++;
            AddTest(methodHandle, typeName, methodName, fromMethod ? methodTags : classTags, classTags, methodTags);
        }
    }

    private void AddTest(
        MethodDefinitionHandle method,
        string typeName,
        string methodName,
        AgentAttributes agentTags,
        AgentAttributes classTags,
        AgentAttributes methodTags)
    {
        var id = typeName + "." + methodName;
        var source = pdb?.Locate(method, StateMachineLocator.FindMoveNext(reader, method));
        if (string.IsNullOrWhiteSpace(agentTags.Agent))
        {
            diagnostics.Add(Descriptors.EmptyAgentName.At(
                source?.File ?? path,
                source?.Line ?? 0,
                0,
                $"Agent test '{id}' has [{agentTags.TagName}] with an empty agent name. Name the agent that wrote it, as listed in the policy: {AgentTest.TagExample(agentTags.TagName, "\"<id>\"")}."));
            return;
        }

        // The class's [AgentGenerated] applies (and so counts) when the method has none of its own, and
        // whenever it names criteria: those apply to every test in the class, as [AcceptanceCriteria] there does.
        var classAttributes = classTags.CriteriaAttributes.ToList();
        if (classTags.AgentGenerated is { } classAgent && (methodTags.AgentGenerated is null || classTags.AgentGeneratedNamesCriteria))
        {
            classAttributes.Add(classAgent);
        }

        var criteria = classTags.CriterionIds.Concat(methodTags.CriterionIds)
            .Select(criterion => criterion.Trim())
            .Where(criterion => criterion.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

        var cannotFail = assertions.Check(method, out var calls);
        if (cannotFail?.Reason == CannotFailReason.NoAssertion)
        {
            unassertedCalls[id] = calls;
        }

        tests.Add(new AgentTest(
            id,
            typeName,
            methodName,
            agentTags.Agent.Trim(),
            agentTags.Evidence,
            criteria,
            fingerprinter.Compute(method, classAttributes),
            source)
        {
            Tag = agentTags.TagName,
            CannotFail = cannotFail,
        });

        declaringTypes.Add(reader.GetMethodDefinition(method).GetDeclaringType());
    }

    private void AddInheritingClasses()
    {
        var testsByType = new Dictionary<TypeDefinitionHandle, List<string>>();
        for (var i = 0; i < tests.Count; i++)
        {
            if (!testsByType.TryGetValue(declaringTypes[i], out var methods))
            {
                testsByType[declaringTypes[i]] = methods = [];
            }

            methods.Add(tests[i].MethodName);
        }

        var inherited = InheritedTests.Find(reader, testsByType);
        if (inherited.Count == 0)
        {
            return;
        }

        for (var i = 0; i < tests.Count; i++)
        {
            var test = tests[i];
            if (inherited.TryGetValue((declaringTypes[i], test.MethodName), out var classes))
            {
                tests[i] = test with { InheritedBy = classes };
            }
        }
    }
}
