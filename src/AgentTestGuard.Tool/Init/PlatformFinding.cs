namespace AgentTestGuard.Tool.Init;

/// <summary>What a test project runs its tests on, as far as AgentTestGuard's quarantine is concerned.</summary>
internal enum PlatformState
{
    /// <summary>Microsoft.Testing.Platform at the version the package needs, or later: quarantine works.</summary>
    Supported,

    /// <summary>An older Microsoft.Testing.Platform: adding the package would fail restore (NU1605) or load the package's extension into a platform it was not built for.</summary>
    TooOld,

    /// <summary>No Microsoft.Testing.Platform (VSTest, or .NET Framework): the package checks agent tests at build time, but they gate.</summary>
    NotOnPlatform,

    /// <summary>The project could not be restored as it is, so what it runs on is not known.</summary>
    NotChecked,
}

/// <param name="Version">The platform version the project resolves, when it has one.</param>
/// <param name="BroughtBy">The project's own package reference that brings the platform in ("Microsoft.Testing.Platform 1.9.1" when pinned directly).</param>
/// <param name="Problem">Why it was not checked.</param>
internal sealed record PlatformFinding(PlatformState State, string? Version = null, string? BroughtBy = null, string? Problem = null)
{
    public static PlatformFinding Supported { get; } = new(PlatformState.Supported);
}

/// <summary>Finds what a test project runs on; a seam, so that init's decisions are testable without restoring.</summary>
internal interface ITestPlatformProbe
{
    PlatformFinding Probe(string projectFile, string assetsFile);
}
