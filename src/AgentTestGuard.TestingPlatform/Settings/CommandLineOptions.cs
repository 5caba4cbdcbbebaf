using Microsoft.Testing.Platform.CommandLine;
using Microsoft.Testing.Platform.Extensions;
using Microsoft.Testing.Platform.Extensions.CommandLine;

namespace AgentTestGuard.TestingPlatform.Settings;

/// <summary>The options the extension adds to every test app (documented in the README).</summary>
internal sealed class CommandLineOptions : ICommandLineOptionsProvider
{
    public const string Enforce = "agt-enforce";
    public const string Environment = "agt-environment";
    public const string Relay = "agt-relay";
    public const string Reruns = "agt-reruns";
    public const string RerunBudget = "agt-rerun-budget";

    public string Uid => $"{ExtensionIdentity.Prefix}.CommandLine";

    public string Version => ExtensionIdentity.Version;

    public string DisplayName => "AgentTestGuard";

    public string Description => "Quarantine for agent-written tests until a human approves them.";

    public Task<bool> IsEnabledAsync() => Task.FromResult(true);

    public IReadOnlyCollection<CommandLineOption> GetCommandLineOptions() =>
    [
        new(Enforce, "Fail the run while any agent test is unapproved or its approval is stale: 'true' (the default in CI) or 'false'.", ArgumentArity.ZeroOrOne, isHidden: false),
        new(Relay, "Carry the quarantine decision out of a child test host started by an extension AgentTestGuard does not know (the TRX report, dumps and coverage are known).", ArgumentArity.Zero, isHidden: false),
        new(Environment, "Names the environment of this run (default: 'ci' in CI, else 'local'; or AGENTTESTGUARD_ENVIRONMENT). Unreviewed agent tests run only where the policy's 'environments' allow.", ArgumentArity.ExactlyOne, isHidden: false),
        new(Reruns, "Runs each unreviewed agent test that ran this many more times, to find flaky ones (default: 5 in CI or enforce mode, else 0).", ArgumentArity.ExactlyOne, isHidden: false),
        new(RerunBudget, "Caps the whole time of those reruns, in seconds (default: 120).", ArgumentArity.ExactlyOne, isHidden: false),
    ];

    public Task<ValidationResult> ValidateOptionArgumentsAsync(CommandLineOption commandOption, string[] arguments)
    {
        if (commandOption.Name == Enforce && arguments.Length == 1 && !IsBoolean(arguments[0]))
        {
            return ValidationResult.InvalidTask($"--{Enforce} takes 'true' or 'false', not '{Inert.Quote(arguments[0])}'.");
        }

        if (commandOption.Name == Environment && string.IsNullOrWhiteSpace(arguments[0]))
        {
            return ValidationResult.InvalidTask($"--{Environment} needs a name, e.g. 'staging'.");
        }

        if (commandOption.Name is Reruns or RerunBudget && RerunSettings.Count(arguments[0]) is null)
        {
            return ValidationResult.InvalidTask($"--{commandOption.Name} takes a whole number of at least 0, not '{Inert.Quote(arguments[0])}'.");
        }

        return ValidationResult.ValidTask;
    }

    public Task<ValidationResult> ValidateCommandLineOptionsAsync(ICommandLineOptions commandLineOptions) => ValidationResult.ValidTask;

    private static bool IsBoolean(string value) =>
        value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("false", StringComparison.OrdinalIgnoreCase);
}
