namespace AgentTestGuard.TestingPlatform.Record;

/// <summary>
/// The exit codes the user told the platform to turn into success when the session started
/// (TESTINGPLATFORM_EXITCODE_IGNORE, which replaces --ignore-exit-code when set), for the run
/// record: `dotnet agt verify` refuses a CI run that ignored "a test failed" (2).
/// </summary>
internal static class UserExitCodeIgnore
{
    /// <returns>The codes, in the order given, without duplicates; a part that is not a number is left out.</returns>
    public static IReadOnlyList<int> Read(string? variable, string? option)
    {
        var given = !string.IsNullOrWhiteSpace(variable) ? variable : option;
        return string.IsNullOrWhiteSpace(given)
            ? []
            : [.. given.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(part => int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code) ? code : -1)
                .Where(code => code >= 0)
                .Distinct()];
    }
}
