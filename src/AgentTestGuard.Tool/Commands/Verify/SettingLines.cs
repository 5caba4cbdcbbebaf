using System.Text.RegularExpressions;

namespace AgentTestGuard.Tool.Commands.Verify;

/// <summary>
/// Which lines of a build or CI file are about AgentTestGuard, read as text (a CI script or a
/// response file cannot be evaluated), and what a recognised one does to the gate. Every such
/// line a commit adds or removes needs a trusted commit; the description only tells the reviewer
/// what it does.
/// </summary>
internal static partial class SettingLines
{
    /// <summary>Whether the line is about AgentTestGuard or the platform's exit code.</summary>
    public static bool Matches(string line) => SettingLine().IsMatch(line);

    /// <summary>What the added or removed line does, as a phrase ("sets AgentTestGuardReruns to 0: ...").</summary>
    public static string Describe(string line, bool added)
    {
        var shown = line.Trim();
        shown = shown.Length > 120 ? shown[..117] + "..." : shown;
        if (!added)
        {
            return $"removes the line '{shown}'";
        }

        var what = Known.FirstOrDefault(k => k.Pattern.IsMatch(line)).Why ?? "changes AgentTestGuard's settings";
        return $"'{shown}' {what}";
    }

    /// <summary>What the text does when it turns enforce mode, reruns or a failed run's exit code off; null otherwise.</summary>
    public static string? Weakening(string text) =>
        Known.Take(WeakeningCount).FirstOrDefault(k => k.Pattern.IsMatch(text)).Why;

    // The first Known entries, those that weaken the gate whatever else is set.
    private const int WeakeningCount = 4;

    // Name, then what separates it from its value in MSBuild XML, a -p: switch, an option, YAML or a shell.
    private const string Gap = @"[\s""'=:>]*";

    private static readonly (Regex Pattern, string Why)[] Known =
    [
        (Setting(@"AgentTestGuardEnforce|agt-enforce", "false"), "turns enforce mode off: a run in CI passes while agent tests are unreviewed"),
        (Setting(@"AgentTestGuardReruns|agt-reruns", "0"), "sets reruns to 0: a failed test is not rerun, so a flaky test passes for a plain failure"),
        (Setting(@"AgentTestGuardRerunBudget|agt-rerun-budget", "0"), "sets the rerun budget to 0: no failed test is rerun, so flakiness goes unseen"),
        (Pattern(@"ignore-exit-code|exitcode_ignore"), "lets a failed run pass"),
        (Setting(@"AgentTestGuardSkip", "true"), "skips the package: no inventory, agent tests gate unrecognised"),
        (Pattern(@"AGENTTESTGUARD_ENVIRONMENT"), "names the environment the policy's environments are judged by"),
        (Pattern(@"AgentTestGuard(Policy|Approvals|Criteria|Incidents|Decisions)File"), "points the build at another review file"),
        (Pattern(@"_AgentTestGuard|DesignTimeBuild"), "sets a switch only the package and dotnet agt may set"),
        (Pattern(@"TestingPlatformBuilderHook"), "changes the platform's extensions, AgentTestGuard's among them"),
    ];

    private static Regex Setting(string names, string value) => Pattern($@"({names}){Gap}{value}\b");

    private static Regex Pattern(string pattern) => new(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    // The package's properties, items, targets and reference (AgentTestGuard…), its run-time options
    // (--agt-…) and the tool (dotnet agt), the platform's switches that turn a failed run green, and
    // what turns the package's targets or its run-time extension off without naming it.
    [GeneratedRegex(@"agenttestguard|\bagt\b|ignore-exit-code|exitcode_ignore|\bDesignTimeBuild\b|TestingPlatformBuilderHook", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SettingLine();
}
