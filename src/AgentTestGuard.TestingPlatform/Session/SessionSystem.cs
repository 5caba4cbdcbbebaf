namespace AgentTestGuard.TestingPlatform.Session;

/// <summary>
/// What the gate reads from and changes in the process around the platform: environment variables,
/// the clock, and the files it writes at the end of a session. Passed in, as testfx's TRX report takes
/// the platform's environment, clock and file system, so that the end of a session is unit-tested
/// without a process of its own; <see cref="Process"/> is the real one.
/// </summary>
internal sealed record SessionSystem(IProcessEnvironment Environment, TimeProvider Clock, ISessionFiles Files)
{
    /// <summary>This process's environment, the system clock and the real file system.</summary>
    public static SessionSystem Process { get; } = new(new ProcessEnvironment(), TimeProvider.System, new SessionFiles());

    private sealed class ProcessEnvironment : IProcessEnvironment
    {
        public string MachineName => System.Environment.MachineName;

        public string CurrentDirectory => System.Environment.CurrentDirectory;

        public string? GetVariable(string name) => System.Environment.GetEnvironmentVariable(name);

        public void SetVariable(string name, string? value) => System.Environment.SetEnvironmentVariable(name, value);
    }

    private sealed class SessionFiles : ISessionFiles
    {
        public void CreateDirectory(string path) => Directory.CreateDirectory(path);

        public Task WriteAllTextAsync(string path, string content) =>
            File.WriteAllTextAsync(path, content, CancellationToken.None);
    }
}

/// <summary>The process's environment, as the gate sees it (<see cref="SessionSystem"/>).</summary>
internal interface IProcessEnvironment
{
    string MachineName { get; }

    string CurrentDirectory { get; }

    string? GetVariable(string name);

    /// <summary>Sets the variable for this process; null removes it.</summary>
    void SetVariable(string name, string? value);
}

/// <summary>The files the gate writes at the end of a session besides the run record (<see cref="SessionSystem"/>).</summary>
internal interface ISessionFiles
{
    void CreateDirectory(string path);

    /// <summary>Writes the file, replacing it. Not cancellable: the end of a cancelled run is written too.</summary>
    Task WriteAllTextAsync(string path, string content);
}
