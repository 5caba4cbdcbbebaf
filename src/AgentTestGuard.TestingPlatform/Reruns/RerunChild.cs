using AgentTestGuard.TestingPlatform.Results;
using Microsoft.Testing.Platform.Extensions.Messages;
using Microsoft.Testing.Platform.Requests;

namespace AgentTestGuard.TestingPlatform.Reruns;

#pragma warning disable TPEXP // The platform's only way for an extension to choose the tests that run; see docs/run-time.md.

/// <summary>
/// The extension in a test app started to rerun tests (<see cref="RerunRequest.Variable"/> set): it
/// runs exactly the requested test nodes, writes every result to the requested file, and does
/// nothing else: no run record, no summary, no reruns of its own.
/// </summary>
internal static class RerunChild
{
    // A uid no framework produces: allowing only it runs nothing.
    private static readonly TestNodeUid Nothing = new($"{ExtensionIdentity.Prefix}.NoTestMayRun");

    private static readonly object Gate = new();
    private static (string Path, RerunRequest? Request)? s_read;

    /// <summary>The filter of exactly the requested test nodes; nothing runs when the request cannot be read.</summary>
    public static ITestExecutionFilter Filter(string requestPath) =>
        Request(requestPath) is { Uids.Count: > 0 } request
            ? new TestNodeUidListFilter([.. request.Uids.Select(uid => new TestNodeUid(uid))])
            : new TestNodeUidListFilter([Nothing]);

    /// <summary>Writes the session's results where the parent asked for them.</summary>
    public static void WriteResults(string requestPath, IReadOnlyList<TestResult> results)
    {
        if (Request(requestPath) is { } request)
        {
            RerunResultsFile.Write(request.ResultsPath, results);
        }
    }

    private static RerunRequest? Request(string path)
    {
        lock (Gate)
        {
            if (s_read is not { } read || read.Path != path)
            {
                s_read = read = (path, RerunRequest.TryRead(path));
            }

            return read.Request;
        }
    }
}
