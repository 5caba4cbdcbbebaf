using System.Collections.Immutable;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace AgentTestGuard.Inventory;

/// <summary>
/// What the names in a test's source resolve to: for every type, method and field its IL references, where it
/// comes from — <c>this</c> (the test assembly) or the referenced assembly's name and public key token — so a
/// look-alike <c>Xunit.Assert</c> declared in the test project makes the test a different test.
/// Left out, so that the same source gives the same list in every configuration and target framework:
/// the .NET framework's own assemblies (which overload the compiler binds, and which helpers it calls for a
/// collection expression or an interpolated string, differ by target framework and language version),
/// what the compiler generated (followed instead, as part of the test), assembly versions, and the
/// signatures of members of other assemblies (a library may offer different overloads per target framework).
/// Members of the test assembly keep their signature: changing a helper's parameters changes its callers.
/// </summary>
internal sealed class ResolvedReferences
{
    // The .NET runtime's keys: Microsoft's own libraries (MSTest among them) share the first, so the name decides too.
    private static readonly ImmutableHashSet<string> FrameworkKeys = ["b03f5f7f11d50a3a", "cc7b13ffcd2ddd51", "7cec85d7bea7798e"];

    private readonly MetadataReader reader;
    private readonly PEReader pe;
    private readonly IlTokenNamer namer;
    private readonly Dictionary<AssemblyReferenceHandle, string?> origins = [];

    // What each token denotes, for the whole assembly: tests share most of their call targets.
    private readonly Dictionary<EntityHandle, List<string>> entries = [];
    private readonly OriginCollector collector;

    public ResolvedReferences(MetadataReader reader, PEReader pe, IlTokenNamer namer)
    {
        this.reader = reader;
        this.pe = pe;
        this.namer = namer;
        collector = new OriginCollector(this);
    }

    internal MetadataReader Reader => reader;

    /// <summary>Adds what the method's IL references to <paramref name="into"/>; compiler-generated methods it reaches are followed.</summary>
    public void Collect(MethodDefinition method, FollowedMethods followed, SortedSet<string> into)
    {
        if (method.RelativeVirtualAddress == 0)
        {
            return;
        }

        var il = pe.GetMethodBody(method.RelativeVirtualAddress).GetILReader();
        while (il.RemainingBytes > 0)
        {
            var first = il.ReadByte();
            var second = first == IlOpCodeTable.Prefix ? il.ReadByte() : (byte)0;
            var opCode = IlOpCodeTable.Get(first, second)
                ?? throw new BadImageFormatException($"Unknown IL opcode 0x{first:X2}{second:X2}.");
            if (opCode.OperandType is OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType)
            {
                var handle = MetadataTokens.EntityHandle(il.ReadInt32());
                namer.Name(handle, followed); // follows the lambdas, local functions and state machines it reaches
                if (!entries.TryGetValue(handle, out var entry))
                {
                    entry = [];
                    collector.Into = entry;
                    Add(handle, entry);
                    entries[handle] = entry;
                }

                into.UnionWith(entry);
            }
            else
            {
                Skip(ref il, opCode.OperandType);
            }
        }
    }

    /// <summary>The assembly a type comes from, as "name/token"; "this" for the test assembly; null for the framework.</summary>
    internal string? Origin(TypeReferenceHandle handle)
    {
        var scope = reader.GetTypeReference(handle).ResolutionScope;
        while (scope.Kind == HandleKind.TypeReference)
        {
            scope = reader.GetTypeReference((TypeReferenceHandle)scope).ResolutionScope;
        }

        if (scope.Kind != HandleKind.AssemblyReference)
        {
            return "this";
        }

        var assembly = (AssemblyReferenceHandle)scope;
        if (!origins.TryGetValue(assembly, out var origin))
        {
            origin = AssemblyOrigin(reader.GetAssemblyReference(assembly));
            origins[assembly] = origin;
        }

        return origin;
    }

    private void Add(EntityHandle handle, List<string> into)
    {
        switch (handle.Kind)
        {
            case HandleKind.MethodDefinition:
                var method = reader.GetMethodDefinition((MethodDefinitionHandle)handle);
                if (!IsGenerated(method.GetDeclaringType(), reader.GetString(method.Name)))
                {
                    into.Add("this " + IlTokenNamer.MethodName(reader, method));
                }

                break;
            case HandleKind.FieldDefinition:
                var field = reader.GetFieldDefinition((FieldDefinitionHandle)handle);
                if (!IsGenerated(field.GetDeclaringType(), reader.GetString(field.Name)))
                {
                    into.Add("this " + MetadataNames.TypeDefinition(reader, field.GetDeclaringType()) + "::" + reader.GetString(field.Name));
                }

                break;
            case HandleKind.MemberReference:
                AddMember((MemberReferenceHandle)handle, into);
                break;
            case HandleKind.MethodSpecification:
                var specification = reader.GetMethodSpecification((MethodSpecificationHandle)handle);
                Add(specification.Method, into);
                specification.DecodeSignature(collector, null);
                break;
            case HandleKind.TypeDefinition or HandleKind.TypeReference or HandleKind.TypeSpecification:
                collector.Visit(handle);
                break;
        }
    }

    private void AddMember(MemberReferenceHandle handle, List<string> into)
    {
        var member = reader.GetMemberReference(handle);
        var name = reader.GetString(member.Name);
        var parent = member.Parent;
        collector.Visit(parent); // the type arguments of a generic parent count too
        if (parent.Kind == HandleKind.TypeSpecification)
        {
            parent = MetadataNames.GenericTypeOf(reader, (TypeSpecificationHandle)parent);
        }

        if (parent.Kind == HandleKind.TypeReference && Origin((TypeReferenceHandle)parent) is { } origin)
        {
            into.Add(origin + " " + MetadataNames.TypeReference(reader, (TypeReferenceHandle)parent) + "::" + name);
        }
        else if (parent.Kind == HandleKind.TypeDefinition && !IsGenerated((TypeDefinitionHandle)parent, name))
        {
            into.Add("this " + MetadataNames.TypeDefinition(reader, (TypeDefinitionHandle)parent) + "::" + name + " "
                + (member.GetKind() == MemberReferenceKind.Method ? SignatureNameProvider.Format(member.DecodeMethodSignature(SignatureNameProvider.Instance, null)) : string.Empty));
        }
    }

    internal bool IsGenerated(TypeDefinitionHandle type, string name = "") =>
        MetadataNames.IsGenerated(name) || MetadataNames.IsGeneratedType(reader, type);

    private string? AssemblyOrigin(AssemblyReference assembly)
    {
        var name = reader.GetString(assembly.Name);
        var key = reader.GetBlobBytes(assembly.PublicKeyOrToken);
        var token = Convert.ToHexString((assembly.Flags & System.Reflection.AssemblyFlags.PublicKey) != 0 ? TokenOf(key) : key).ToLowerInvariant();
        var framework = FrameworkKeys.Contains(token)
            && (name is "mscorlib" or "netstandard" or "System" || name.StartsWith("System.", StringComparison.Ordinal));
        return framework ? null : name + "/" + token;
    }

    // A public key's token is the last 8 bytes of its SHA-1, reversed (ECMA-335 II.6.2.1.3); not used for security.
#pragma warning disable CA5350
    private static byte[] TokenOf(byte[] publicKey)
    {
        var hash = System.Security.Cryptography.SHA1.HashData(publicKey);
        var token = new byte[8];
        for (var i = 0; i < token.Length; i++)
        {
            token[i] = hash[hash.Length - 1 - i];
        }

        return token;
    }
#pragma warning restore CA5350

    private static void Skip(ref BlobReader il, OperandType type)
    {
        var size = type switch
        {
            OperandType.InlineNone => 0,
            OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
            OperandType.InlineVar => 2,
            OperandType.InlineI8 or OperandType.InlineR => 8,
            OperandType.InlineSwitch => il.ReadInt32() is var count && count >= 0 && count <= il.RemainingBytes / 4 ? 4 * count : -1,
            _ => 4,
        };
        if (size < 0 || size > il.RemainingBytes)
        {
            throw new BadImageFormatException("IL operand runs past the end of the method body.");
        }

        il.Offset += size;
    }
}
