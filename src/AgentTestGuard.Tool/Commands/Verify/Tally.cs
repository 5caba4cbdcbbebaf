using AgentTestGuard.Approvals;
using AgentTestGuard.Tool.Cli;
using AgentTestGuard.Tool.Git;

namespace AgentTestGuard.Tool.Commands.Verify;

/// <summary>Prints verify's offences as they are found, counts them, and says the verdict.</summary>
internal sealed class Tally(Output output)
{
    private readonly Dictionary<string, int> _offences = new(StringComparer.Ordinal);
    private int _approvals;
    private int _offendingApprovals;
    private int _despite;

    public Output Output { get; } = output;

    public void AddLedger(string ledger, int approvals, IEnumerable<LedgerVerifier.Offence> offences)
    {
        _approvals += approvals;
        foreach (var offence in offences)
        {
            Offending($"{ledger}({offence.Line})", $"{offence.Test}: {offence.Why}");
            _offendingApprovals++;
        }
    }

    /// <summary>
    /// Lists the approvals a human gave although evidence was missing (the ledger's <c>despite</c>):
    /// not offences, since a human decided and said why, but a reviewer of the change should see them.
    /// </summary>
    public void AddDespite(string ledger, IEnumerable<Approval> approvals)
    {
        foreach (var approval in approvals.Where(a => a.Despite is not null))
        {
            Output.Line($"{Output.Yellow("despite")}    {Output.Inert($"{ledger}({approval.Line})")}: {Output.Inert(approval.Test)}: approved by {Output.Inert(approval.Approver)} "
                + $"without {string.Join(", ", approval.Overrode)}: {Output.Inert(approval.Despite)}");
            _despite++;
        }
    }

    public void Add(string kind, IEnumerable<(string Where, string Why)> offences)
    {
        foreach (var (where, why) in offences)
        {
            Offending(where, why);
            _offences[kind] = _offences.GetValueOrDefault(kind) + 1;
        }
    }

    public int Conclude(bool signaturesRequired, BaseRevision? trustedBase)
    {
        var signed = signaturesRequired ? " in a signed commit" : "";
        if (_offences.GetValueOrDefault("settings") is > 0 and var settings)
        {
            Output.Error($"{settings} test project(s) are set up to escape the gate. Undo those settings, or name the project in the base policy's exemptProjects.");
        }

        if (_offences.GetValueOrDefault("changes") is > 0 and var changes)
        {
            Output.Error($"{changes} change(s) since {Output.Inert(trustedBase?.Name)} to review files or AgentTestGuard settings were not made by a human author and committer{signed}. Revert them, or have a human make them{signed}.");
        }

        if (_offences.GetValueOrDefault("untagged") is > 0 and var untagged)
        {
            Output.Error($"{untagged} test(s) an agent or a bot added or changed since {Output.Inert(trustedBase?.Name)} carry no agent tag. Tag them, so that they are quarantined until a human approves them.");
        }

        if (_offences.GetValueOrDefault("records") is > 0 and var records)
        {
            Output.Error($"{records} finding(s) in the run records: the test run did not use the gate as verified. Rerun dotnet test as CI is set up to.");
        }

        if (_offendingApprovals > 0)
        {
            Output.Error($"{_offendingApprovals} of {_approvals} approvals were not added by a human author{signed}. Remove those lines and have a human approve the tests{signed}.");
        }

        if (_offendingApprovals > 0 || _offences.Count > 0)
        {
            return ExitCodes.CheckFailed;
        }

        var since = trustedBase is null ? "" : $"; no untrusted change since {Output.Inert(trustedBase.Name)}";
        var despite = _despite == 0 ? "" : $" ({_despite} given despite missing evidence, listed above)";
        Output.Line($"{_approvals} approvals verified{despite}: each added in a {(signaturesRequired ? "signed " : "")}commit by a human author{since}.");
        return ExitCodes.Success;
    }

    private void Offending(string where, string why) =>
        Output.Line($"{Output.Red("offending")}  {Output.Inert(where)}: {Output.Inert(why)}");
}
