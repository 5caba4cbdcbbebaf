using System.Globalization;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace AgentTestGuard.Inventory;

/// <summary>
/// Computes a test's fingerprint from what the compiler emitted for it, with every build-specific number
/// (metadata tokens, method and lambda ordinals) replaced by names. The algorithm, and what it deliberately
/// leaves out, is described in docs/fingerprint.md; change its version line when the text changes shape.
/// </summary>
internal sealed class TestFingerprinter : IDisposable
{
    private const string Version = "agenttestguard-fingerprint 2";

    // Flags that change what the method is to a test framework; others (HideBySig, ...) are compiler choices.
    private const MethodAttributes RelevantFlags =
        MethodAttributes.MemberAccessMask | MethodAttributes.Static | MethodAttributes.Virtual | MethodAttributes.Abstract;

    private readonly MetadataReader reader;
    private readonly PEReader pe;
    private readonly IlTokenNamer namer;

    // One writer for every test of the assembly: it hashes as it goes and resets after each test.
    private readonly CanonicalWriter hashing = new();

    private readonly CanonicalAttributes attributes;

    private readonly ResolvedReferences references;
    private readonly MethodSource? source;

    /// <param name="source">The test's source, from the PDB; without it the compiled code stands in.</param>
    public TestFingerprinter(MetadataReader reader, PEReader pe, ReferenceAssemblyResolver resolver, MethodSource? source)
    {
        this.reader = reader;
        this.pe = pe;
        this.source = source;
        namer = new IlTokenNamer(reader, pe);
        attributes = new CanonicalAttributes(reader, resolver);
        references = new ResolvedReferences(reader, pe, namer);
    }

    /// <param name="test">The test method.</param>
    /// <param name="classAttributes">The class-level AgentTestGuard attributes that apply to the test.</param>
    public string Compute(MethodDefinitionHandle test, IEnumerable<CustomAttributeHandle> classAttributes)
    {
        Write(hashing, test, classAttributes);
        return Fingerprint.Prefix + hashing.Hash();
    }

    /// <summary>The canonical text that <see cref="Compute"/> hashes; tests read it to explain a mismatch.</summary>
    public string Describe(MethodDefinitionHandle test, IEnumerable<CustomAttributeHandle> classAttributes)
    {
        using var text = new CanonicalWriter(keepText: true);
        Write(text, test, classAttributes);
        return text.ToString();
    }

    public void Dispose() => hashing.Dispose();

    private void Write(CanonicalWriter text, MethodDefinitionHandle test, IEnumerable<CustomAttributeHandle> classAttributes)
    {
        text.Line(Version);
        foreach (var attribute in attributes.Describe(classAttributes))
        {
            text.Line("class-attribute", attribute);
        }

        var method = reader.GetMethodDefinition(test);
        WriteDeclaration(text, "method", method);

        // The test and the code the compiler moved out of it; collecting what their IL references follows
        // the lambdas, local functions and state machines they reach, which adds to the list as it goes.
        var followed = new FollowedMethods(reader);
        followed.Add(test);
        var referenced = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < followed.Count; i++)
        {
            var moveNext = StateMachineLocator.FindMoveNext(reader, followed[i]);
            if (!moveNext.IsNil)
            {
                followed.Add(moveNext);
            }

            references.Collect(reader.GetMethodDefinition(followed[i]), followed, referenced);
        }

        if (source is null || !source.TryWrite(text, followed.All))
        {
            WriteCompiledCode(text, test);
        }

        foreach (var reference in referenced)
        {
            text.Line("reference", reference);
        }
    }

    /// <summary>
    /// Without the source (no PDB, or a file changed since the build), the compiled code stands in for it: a
    /// text that cannot equal one made from source, so the test reads as changed rather than as approved.
    /// </summary>
    private void WriteCompiledCode(CanonicalWriter text, MethodDefinitionHandle test)
    {
        text.Line("no-source");
        var followed = new FollowedMethods(reader);
        followed.Add(test);
        for (var i = 0; i < followed.Count; i++)
        {
            var method = reader.GetMethodDefinition(followed[i]);
            WriteDeclaration(text, "compiled " + i.ToString(CultureInfo.InvariantCulture), method);
            var moveNext = StateMachineLocator.FindMoveNext(reader, followed[i]);
            if (!moveNext.IsNil)
            {
                text.Line("state-machine", Number(followed.Add(moveNext)));
            }

            IlBodyWriter.Write(text, reader, pe, namer, followed, method);
        }
    }

    private void WriteDeclaration(CanonicalWriter text, string tag, MethodDefinition method)
    {
        text.Line(tag, IlTokenNamer.MethodName(reader, method), Number((int)(method.Attributes & RelevantFlags)));
        WriteGenericParameters(text, method);
        WriteParameters(text, method);
        foreach (var attribute in attributes.Describe(method.GetCustomAttributes()))
        {
            text.Line("attribute", attribute);
        }
    }

    private void WriteGenericParameters(CanonicalWriter text, MethodDefinition method)
    {
        foreach (var handle in method.GetGenericParameters())
        {
            var parameter = reader.GetGenericParameter(handle);
            var constraints = parameter.GetConstraints()
                .Select(constraint => IlTokenNamer.TypeName(reader, reader.GetGenericParameterConstraint(constraint).Type))
                .Order(StringComparer.Ordinal);
            text.Line("generic-parameter", reader.GetString(parameter.Name), Number((int)parameter.Attributes), string.Join(",", constraints));
        }
    }

    /// <summary>Names, flags, default values and attributes (NUnit's <c>[Values]</c>, say) of the parameters.</summary>
    private void WriteParameters(CanonicalWriter text, MethodDefinition method)
    {
        foreach (var handle in method.GetParameters())
        {
            var parameter = reader.GetParameter(handle);
            var defaultValue = parameter.GetDefaultValue();
            var constant = defaultValue.IsNil ? string.Empty : DescribeConstant(reader.GetConstant(defaultValue));
            text.Line(
                "parameter",
                Number(parameter.SequenceNumber),
                reader.GetString(parameter.Name),
                Number((int)parameter.Attributes),
                constant);
            foreach (var attribute in attributes.Describe(parameter.GetCustomAttributes()))
            {
                text.Line("parameter-attribute", attribute);
            }
        }
    }

    private string DescribeConstant(Constant constant) =>
        constant.TypeCode.ToString() + " " + Convert.ToHexString(reader.GetBlobBytes(constant.Value));

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
