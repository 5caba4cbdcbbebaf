using System.Globalization;
using AgentTestGuard.ContinuousIntegration;

namespace AgentTestGuard.TestingPlatform.Settings;

/// <summary>
/// Early flake detection's settings: how many times each unreviewed agent test that ran is run
/// again (<see cref="Reruns"/>), and the cap on the whole rerun time (<see cref="BudgetSeconds"/>).
/// First wins: the command line (<c>--agt-reruns</c>, <c>--agt-rerun-budget</c>), the MSBuild
/// properties carried in runtimeconfig.json (<c>AgentTestGuardReruns</c>, <c>AgentTestGuardRerunBudget</c>),
/// the default: 5 reruns in CI or enforce mode, else none; 120 seconds.
/// </summary>
/// <remarks>Resolved only when a quarantined test ran: other runs never read these.</remarks>
internal sealed record RerunSettings(int Reruns, string RerunsSource, int BudgetSeconds)
{
    /// <summary>Runtime configuration keys, written from MSBuild properties by the package's targets.</summary>
    public const string RerunsSwitch = "AgentTestGuard.Reruns";
    public const string BudgetSwitch = "AgentTestGuard.RerunBudget";

    public const int DefaultReruns = 5;
    public const int DefaultBudgetSeconds = 120;

    /// <param name="rerunsOption">The --agt-reruns value, or null.</param>
    /// <param name="budgetOption">The --agt-rerun-budget value, or null.</param>
    /// <param name="enforce">Whether enforce mode is on (<see cref="RunSettings.Enforce"/>).</param>
    /// <param name="appContext">Reads runtime configuration (AppContext.GetData).</param>
    /// <param name="environment">Reads environment variables.</param>
    public static RerunSettings Resolve(
        string? rerunsOption,
        string? budgetOption,
        bool enforce,
        Func<string, string?> appContext,
        Func<string, string?> environment)
    {
        var (reruns, source) =
            Count(rerunsOption) is { } fromOption ? (fromOption, "--agt-reruns")
            : Count(appContext(RerunsSwitch)) is { } fromProperty ? (fromProperty, "AgentTestGuardReruns")
            : enforce ? (DefaultReruns, "enforce mode")
            : CiServices.IsDetected(environment) ? (DefaultReruns, "CI detected")
            : (0, "default");
        var budget = Count(budgetOption) ?? Count(appContext(BudgetSwitch)) ?? DefaultBudgetSeconds;
        return new RerunSettings(reruns, source, budget);
    }

    /// <summary>A whole number of at least 0; null for anything else (absent, empty, malformed).</summary>
    public static int? Count(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
