namespace AgentTestGuard.Tool.Cli;

/// <summary>The tool's exit codes, documented in docs/tool.md. Scripts and CI branch on them.</summary>
internal static class ExitCodes
{
    /// <summary>Done; for verify: every approval checks out.</summary>
    public const int Success = 0;

    /// <summary>The check failed (verify found offending approvals) or a pattern matched nothing.</summary>
    public const int CheckFailed = 1;

    /// <summary>The command line is wrong (System.CommandLine reports it).</summary>
    public const int Usage = 2;

    /// <summary>Refused: the approver or rejecter is not a human identity, or no identity is known.</summary>
    public const int Refused = 3;

    /// <summary>A file is malformed, a build failed, or no test project was found.</summary>
    public const int Error = 4;

    /// <summary>approve: a test has no passing run at its current fingerprint, is flaky, or cannot fail (AGT0020), and no --despite reason was given.</summary>
    public const int EvidenceMissing = 5;
}
