namespace AgentTestGuard.Processes;

/// <summary>What to start as a child process, and how much of this process's environment it sees.</summary>
internal sealed record ChildProcessStart
{
    private static readonly IReadOnlyDictionary<string, string?> NoVariables = new Dictionary<string, string?>();

    /// <summary>The program: a name looked up on PATH, or a path.</summary>
    public required string Program { get; init; }

    /// <summary>Each argument as the program receives it: passed one by one, never joined into a command line to be split again.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>Null: this process's current directory.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>
    /// Removed from the inherited environment first: any variable whose name equals one of these or
    /// starts with one ending in <c>_</c> (<c>TESTINGPLATFORM_</c>), compared ignoring case as Windows does.
    /// </summary>
    public IReadOnlyList<string> RemovedVariables { get; init; } = [];

    /// <summary>Set after the removals; a null value removes the variable.</summary>
    public IReadOnlyDictionary<string, string?> Variables { get; init; } = NoVariables;

    /// <summary>After this long the child and every process it started are killed. Null: no limit.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>
    /// Writes the child's standard input, on a thread of its own so that a child answering as it
    /// reads never stalls on a full pipe; the input is closed after it. Null: closed at once, so a
    /// child that would prompt sees end of input instead of waiting.
    /// </summary>
    public Action<Stream>? WriteInput { get; init; }

    /// <summary>
    /// Reads standard output as it arrives instead of capturing it as text (a large binary answer
    /// handed over piece by piece). What it leaves unread is drained, so the child never blocks on it.
    /// </summary>
    public Action<Stream>? ReadOutput { get; init; }

    /// <summary>Whether the child must not see the inherited variable <paramref name="name"/>.</summary>
    internal bool Removes(string name) =>
        RemovedVariables.Any(removed => removed.EndsWith('_')
            ? name.StartsWith(removed, StringComparison.OrdinalIgnoreCase)
            : name.Equals(removed, StringComparison.OrdinalIgnoreCase));

    /// <summary>How the child is shown in a message: the program and its arguments.</summary>
    internal string Describe() => string.Join(' ', [Program, .. Arguments]);
}
