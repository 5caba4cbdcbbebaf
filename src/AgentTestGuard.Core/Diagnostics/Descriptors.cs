namespace AgentTestGuard.Diagnostics;

/// <summary>
/// Every diagnostic the product reports. Codes are public surface: never renumber one; each is
/// documented in docs/diagnostics.md under its code.
/// </summary>
internal static class Descriptors
{
    public static readonly DiagnosticDescriptor MissingCriteria =
        new("AGT0001", DiagnosticSeverity.Error, "Agent test links to no acceptance criterion");

    public static readonly DiagnosticDescriptor UnknownCriterion =
        new("AGT0002", DiagnosticSeverity.Error, "Agent test links to an unknown criterion");

    public static readonly DiagnosticDescriptor AgentNotAllowed =
        new("AGT0003", DiagnosticSeverity.Error, "Agent is not allowed by the policy");

    public static readonly DiagnosticDescriptor MalformedCatalog =
        new("AGT0004", DiagnosticSeverity.Error, "Criteria catalog is malformed");

    public static readonly DiagnosticDescriptor MalformedPolicy =
        new("AGT0005", DiagnosticSeverity.Error, "Policy file is malformed");

    public static readonly DiagnosticDescriptor NoPolicy =
        new("AGT0006", DiagnosticSeverity.Warning, "Agent tests found but no policy file");

    public static readonly DiagnosticDescriptor EmptyAgentName =
        new("AGT0007", DiagnosticSeverity.Error, "Agent name is empty");

    public static readonly DiagnosticDescriptor UnknownKey =
        new("AGT0008", DiagnosticSeverity.Warning, "Unknown key in a policy or catalog file");

    public static readonly DiagnosticDescriptor UnreadableAssembly =
        new("AGT0009", DiagnosticSeverity.Error, "Test assembly cannot be read");

    public static readonly DiagnosticDescriptor NoSymbols =
        new("AGT0010", DiagnosticSeverity.Warning, "No portable PDB: source locations unknown");

    public static readonly DiagnosticDescriptor MissingFile =
        new("AGT0011", DiagnosticSeverity.Error, "Configured policy or catalog file does not exist");

    public static readonly DiagnosticDescriptor MalformedLedger =
        new("AGT0013", DiagnosticSeverity.Error, "Approvals ledger is malformed");

    public static readonly DiagnosticDescriptor OrphanApproval =
        new("AGT0014", DiagnosticSeverity.Warning, "Approval for a test that is not an agent test of the assembly");

    public static readonly DiagnosticDescriptor NonHumanApprover =
        new("AGT0015", DiagnosticSeverity.Error, "Approval by an identity that looks like an agent or a bot");

    public static readonly DiagnosticDescriptor NoQuarantine =
        new("AGT0016", DiagnosticSeverity.Warning, "Quarantine needs Microsoft.Testing.Platform");

    public static readonly DiagnosticDescriptor MalformedIncidentLog =
        new("AGT0017", DiagnosticSeverity.Error, "Incident log is malformed");

    public static readonly DiagnosticDescriptor MalformedDecisions =
        new("AGT0018", DiagnosticSeverity.Error, "Stop-rule decisions file is malformed");

    public static readonly DiagnosticDescriptor StoppedAgent =
        new("AGT0019", DiagnosticSeverity.Error, "Stopped agent's test awaits review");

    public static readonly DiagnosticDescriptor CannotFail =
        new("AGT0020", DiagnosticSeverity.Warning, "Agent test cannot fail");
}
