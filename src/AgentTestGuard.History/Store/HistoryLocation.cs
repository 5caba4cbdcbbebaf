namespace AgentTestGuard.History.Store;

/// <summary>
/// Where the history is: the command's <c>--store</c>, else <c>AGENTTESTGUARD_HISTORY</c>, else the
/// policy's <c>historyStore</c>, else <see cref="DefaultPath"/> under the repository's root. A value
/// with <c>=</c> in it is a PostgreSQL connection string; any other is a file path (relative ones
/// from the repository's root).
/// </summary>
internal sealed record HistoryLocation(string Value, string From)
{
    /// <summary>Relative to the repository's root; `dotnet agt init` adds the folder to .gitignore.</summary>
    public const string DefaultPath = ".agenttestguard/history.sqlite";

    public const string GitIgnoreEntry = "/.agenttestguard/";

    public const string EnvironmentVariable = "AGENTTESTGUARD_HISTORY";

    public bool IsConnectionString => Value.Contains('=', StringComparison.Ordinal);

    /// <summary>
    /// Whether there is a history to read: a database is assumed to be; a file must exist. A reader
    /// that must not create one (`dotnet agt approve`) asks before <see cref="Open"/>, which creates the file.
    /// </summary>
    public bool Exists => IsConnectionString || File.Exists(Value);

    public static HistoryLocation Resolve(string? option, string? environment, string? policyValue, string repositoryRoot)
    {
        var (value, from) = !string.IsNullOrWhiteSpace(option) ? (option, "--store")
            : !string.IsNullOrWhiteSpace(environment) ? (environment, EnvironmentVariable)
            : !string.IsNullOrWhiteSpace(policyValue) ? (policyValue, "the policy's historyStore")
            : (DefaultPath, "the default");
        value = value.Trim();
        return value.Contains('=', StringComparison.Ordinal)
            ? new HistoryLocation(value, from)
            : new HistoryLocation(Path.GetFullPath(Path.Combine(repositoryRoot, value)), from);
    }

    public IHistoryStore Open() =>
        IsConnectionString ? PostgresHistoryStore.Open(Value) : SqliteHistoryStore.Open(Value);
}
