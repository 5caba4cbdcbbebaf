using AgentTestGuard.Approvals;
using AgentTestGuard.Configuration;

namespace AgentTestGuard.Tool.Init;

/// <summary>
/// The policy, criteria catalog and approvals ledger `dotnet agt init` creates: valid as they
/// stand (the build accepts them), with comments that say what to fill in. The policy names no
/// owner and allows no agent on purpose: both are decisions a human makes, not defaults.
/// </summary>
internal static class StarterFiles
{
    public const string Policy = """
        // AgentTestGuard policy: the rules for tests written by AI coding agents. Reviewed like code.
        // Every key is described in the AgentTestGuard README, section "Files".
        {
          // The human who owns the agent workflow, as "Name <email>"; reports name them, and
          // enforce mode (on in CI) fails until one is named.
          // "owner": "Dana Lee <dana.lee@example.com>",

          // The agents allowed to contribute tests, as tagged with [AgentGenerated("...")]. A test
          // tagged with any other agent is a build error (AGT0003). For example: ["copilot", "claude-code"].
          "agents": [],

          // Where unreviewed agent tests may execute: "local", "ci", or a name given with
          // --agt-environment. Elsewhere they are not run.
          "environments": ["local", "ci"],

          // Identities that may never approve, besides known bots and the agents above: .NET regular
          // expressions matched anywhere in "Name <email>", ignoring case. For example: ["^Build Service\\b"].
          "approverDenyPatterns": [],

          // Tracker ids accepted as criteria without a catalog entry (an id must match a whole pattern).
          // For example: { "pattern": "SHOP-[0-9]+", "link": "https://tracker.example.com/browse/{id}" }
          "criteriaPatterns": []
        }

        """;

    public const string Catalog = """
        // AgentTestGuard criteria catalog: the acceptance criteria agent tests link to with
        // [AgentGenerated("agent", Criteria = ["id"])] or [AcceptanceCriteria("id")]. Reviewed like code.
        {
          "criteria": [
            // Each criterion: a unique "id", the "text" a reviewer checks the test against, and an
            // optional "link" (http or https). For example:
            // { "id": "CART-12", "text": "The cart total includes the tax of the shipping region.", "link": "https://tracker.example.com/browse/CART-12" },
          ]
        }

        """;

    /// <summary>Each file by name, in the order they are created and listed.</summary>
    public static IReadOnlyList<(string Name, string Content, string Purpose)> All { get; } =
    [
        (ConfigurationFileNames.Policy, Policy, "the rules: the workflow's owner, the agents allowed, where unreviewed tests run"),
        (ConfigurationFileNames.Catalog, Catalog, "the acceptance criteria agent tests link to"),
        // The same file `dotnet agt approve` writes, without approvals.
        (ConfigurationFileNames.Approvals, ApprovalLedger.Serialize([]), "the approvals ledger, one line per approved agent test"),
    ];
}
