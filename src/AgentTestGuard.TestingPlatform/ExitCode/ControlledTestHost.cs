using AgentTestGuard.TestingPlatform.Settings;

namespace AgentTestGuard.TestingPlatform.ExitCode;

/// <summary>
/// Whether this process is a test host that a controller process started (for the TRX report, hang
/// and crash dumps, coverage). Such a child runs the tests and never controls a child of its own.
/// </summary>
internal static class ControlledTestHost
{
    /// <summary>
    /// The option the platform adds to a child test host's arguments, with the controller's process id.
    /// Its environment variables are no sign: their names end with that id, and the platform clears
    /// some of them once it has read them.
    /// </summary>
    public const string ControllerOption = "internal-testhostcontroller-pid";

    /// <summary>Whether the test app's arguments, as the process received them, are a controlled child's.</summary>
    public static bool IsChild(IEnumerable<string> args) =>
        args.Any(arg => string.Equals(RawArgument.OptionName(arg), ControllerOption, StringComparison.OrdinalIgnoreCase));
}
