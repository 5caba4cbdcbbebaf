using Microsoft.CodeAnalysis;

namespace AgentTestGuard.Core.Tests.TestSupport;

public enum PdbKind
{
    Embedded,
    SideBySide,
    None,
}

/// <summary>How <see cref="TestCompiler"/> builds a test assembly.</summary>
public sealed record CompileOptions
{
    public static readonly CompileOptions Default = new();

    public OptimizationLevel Optimization { get; init; } = OptimizationLevel.Debug;

    /// <summary>The C# version; each target framework has its own default (C# 12 for net8.0, 14 for net10.0).</summary>
    public Microsoft.CodeAnalysis.CSharp.LanguageVersion LanguageVersion { get; init; } = Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest;

    public PdbKind Pdb { get; init; } = PdbKind.Embedded;

    public string AssemblyName { get; init; } = "Shop.Tests";

    /// <summary>The path stored in the PDB for the source, as a deterministic CI build would store it.</summary>
    public string SourcePath { get; init; } = "/_/tests/Shop.Tests/CartTests.cs";

    /// <summary>Adds <see cref="StandInFrameworks.Source"/>, the test framework attributes, as a second file.</summary>
    public bool WithFrameworks { get; init; } = true;

    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary>Embeds the sources in the PDB; without them (and with paths not on disk) a scan has no source to read.</summary>
    public bool EmbedSources { get; init; } = true;

    /// <summary>More source files compiled in, each with its own path (for example the package's xunit attributes).</summary>
    public IReadOnlyList<(string Path, string Text)> ExtraSources { get; init; } = [];

    public static CompileOptions Release { get; } = new() { Optimization = OptimizationLevel.Release };

    public static CompileOptions For(OptimizationLevel optimization) => new() { Optimization = optimization };
}
