namespace AgentTestGuard.TestingPlatform.Settings;

/// <summary>
/// Reads the test app's arguments as the process received them, before the platform parses them:
/// the hook must decide what to register before there is a parsed command line.
/// </summary>
internal static class RawArgument
{
    /// <summary>
    /// The option an argument names, as the platform reads it (-name or --name, with a value after
    /// ':' or '=' allowed); null for an argument that is not an option.
    /// </summary>
    public static string? OptionName(string argument) =>
        argument.StartsWith('-') ? argument.TrimStart('-').Split(':', '=')[0] : null;
}
