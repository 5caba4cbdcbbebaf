using System.Reflection;

namespace AgentTestGuard.TestingPlatform.Environments;

/// <summary>
/// How to start this test app again as a plain console run: the same host and entry assembly
/// (<c>dotnet X.dll</c>, or the app host itself), without the platform's protocol variables, so that
/// it is not taken for a part of dotnet test's or a controller's run. CI variables stay as they are.
/// </summary>
/// <param name="Program">The host: dotnet, or the app host.</param>
/// <param name="Arguments">The arguments before the app's own: the entry assembly's path under dotnet, else none.</param>
internal sealed record TestApp(string Program, IReadOnlyList<string> Arguments, Assembly Assembly)
{
    /// <summary>Removed from the child's environment (<see cref="Processes.ChildProcessStart.RemovedVariables"/>).</summary>
    public static readonly IReadOnlyList<string> PlatformProtocolVariables = ["TESTINGPLATFORM_"];

    /// <summary>This process's test app; null when its location is unknown (a single-file app, say).</summary>
    public static TestApp? Current()
    {
        var testApp = Assembly.GetEntryAssembly();
        var host = Environment.ProcessPath;
        if (testApp is null || string.IsNullOrEmpty(testApp.Location) || string.IsNullOrEmpty(host))
        {
            return null;
        }

        IReadOnlyList<string> app = Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase) ? [testApp.Location] : [];
        return new TestApp(host, app, testApp);
    }
}
