using System.Runtime.CompilerServices;

namespace AgentTestGuard.Tool.Tests.Report;

/// <summary>
/// Compares output with a file under Report/Golden, exactly. With AGT_UPDATE_GOLDEN=1 it writes the
/// file instead (and still fails, so that an update is never mistaken for a pass): review the diff.
/// The files are read from the test's output folder: in CI the build maps source paths to /_/
/// (ContinuousIntegrationBuild), so the caller's path names no real file there.
/// </summary>
internal static class GoldenFile
{
    public static void Assert(string name, string actual, [CallerFilePath] string caller = "")
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Report", "Golden", name);
        actual = actual.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("AGT_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(Path.Combine(Path.GetDirectoryName(caller)!, "Golden", name), actual);
            Xunit.Assert.Fail($"{name} written; unset AGT_UPDATE_GOLDEN and review the change.");
        }

        Xunit.Assert.True(File.Exists(path), $"{path} is missing: run once with AGT_UPDATE_GOLDEN=1 and review it.");
        Xunit.Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }
}
