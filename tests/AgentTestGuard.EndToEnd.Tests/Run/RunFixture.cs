using AgentTestGuard.EndToEnd.Tests.Infrastructure;

namespace AgentTestGuard.EndToEnd.Tests.Run;

/// <summary>
/// Builds the on-demand-failing project once per framework for all the run tests of a class;
/// each test then only runs it, with its own results directory and environment.
/// </summary>
public sealed class RunFixture
{
    private readonly Dictionary<TestFramework, Task<TestProject>> _projects = [];
    private readonly Lock _gate = new();

    internal Task<TestProject> ProjectAsync(TestFramework framework)
    {
        lock (_gate)
        {
            if (!_projects.TryGetValue(framework, out var project))
            {
                project = RunSources.BuildApprovedAsync(framework);
                _projects[framework] = project;
            }

            return project;
        }
    }

    private static int s_runs;

    /// <summary>A fresh results directory, and the marker directory inside the environment.</summary>
    internal static (string Results, string Markers, Dictionary<string, string?> Environment) NewRun(TestProject project, params (string Name, string Value)[] variables)
    {
        var run = Path.Combine(project.Root, "runs", $"run-{Interlocked.Increment(ref s_runs)}");
        var results = Path.Combine(run, "results");
        var markers = Path.Combine(run, "markers");
        Directory.CreateDirectory(results);
        Directory.CreateDirectory(markers);
        var environment = new Dictionary<string, string?> { [RunSources.MarkerDirectory] = markers };
        foreach (var (name, value) in variables)
        {
            environment[name] = value;
        }

        return (results, markers, environment);
    }
}
