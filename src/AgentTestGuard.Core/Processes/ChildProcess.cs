using System.ComponentModel;
using System.Diagnostics;

namespace AgentTestGuard.Processes;

/// <summary>
/// Starts a child process and waits for it: both outputs read at once (a child filling one pipe
/// while the other is read would otherwise wait forever), standard input written or closed, a time
/// limit after which the whole process tree it started is killed. The one way the product starts
/// git, dotnet or the test app again.
/// </summary>
internal static class ChildProcess
{
    /// <summary>How long the outputs of a killed child are waited for: a grandchild outside the tree may hold them open.</summary>
    private static readonly TimeSpan DrainAfterKill = TimeSpan.FromSeconds(5);

    /// <summary>For callers without an asynchronous path (the tool's commands).</summary>
    public static ChildProcessResult Run(ChildProcessStart start) => RunAsync(start, CancellationToken.None).GetAwaiter().GetResult();

    /// <exception cref="OperationCanceledException">
    /// <paramref name="cancellationToken"/> was cancelled; the child and its tree were killed first.
    /// </exception>
    public static async Task<ChildProcessResult> RunAsync(ChildProcessStart start, CancellationToken cancellationToken)
    {
        Process? process;
        try
        {
            process = Process.Start(StartInfo(start));
        }
        catch (Win32Exception e)
        {
            return new ChildProcessResult(ChildProcessEnd.NotStarted, -1, "", "", $"{start.Program} could not be started: {e.Message}");
        }

        if (process is null)
        {
            return new ChildProcessResult(ChildProcessEnd.NotStarted, -1, "", "", $"{start.Program} could not be started");
        }

        using (process)
        {
            var input = Task.Run(() => WriteInput(process, start.WriteInput), CancellationToken.None);
            var output = start.ReadOutput is { } read
                ? Task.Run(() => ReadOutput(process, read), CancellationToken.None)
                : process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
            var outputs = Task.WhenAll(output, error, input);

            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (start.Timeout is { } timeout)
            {
                limit.CancelAfter(timeout);
            }

            try
            {
                await outputs.WaitAsync(limit.Token).ConfigureAwait(false);
                await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (limit.IsCancellationRequested)
            {
                KillTree(process);
                cancellationToken.ThrowIfCancellationRequested();
                var drained = await Task.WhenAny(outputs, Task.Delay(DrainAfterKill, CancellationToken.None)).ConfigureAwait(false) == outputs;
                return new ChildProcessResult(
                    ChildProcessEnd.TimedOut,
                    -1,
                    drained && output.IsCompletedSuccessfully ? output.Result : "",
                    drained && error.IsCompletedSuccessfully ? error.Result : "",
                    $"{start.Describe()} did not finish in {start.Timeout} and was stopped");
            }

            return new ChildProcessResult(ChildProcessEnd.Exited, process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false), null);
        }
    }

    private static ProcessStartInfo StartInfo(ChildProcessStart start)
    {
        var info = new ProcessStartInfo(start.Program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (start.WorkingDirectory is not null)
        {
            info.WorkingDirectory = start.WorkingDirectory;
        }

        foreach (var argument in start.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var name in info.Environment.Keys.Where(start.Removes).ToList())
        {
            info.Environment.Remove(name);
        }

        foreach (var (name, value) in start.Variables)
        {
            foreach (var same in info.Environment.Keys.Where(k => k.Equals(name, StringComparison.OrdinalIgnoreCase) && k != name).ToList())
            {
                info.Environment.Remove(same);
            }

            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        return info;
    }

    private static void WriteInput(Process process, Action<Stream>? write)
    {
        try
        {
            write?.Invoke(process.StandardInput.BaseStream);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The child stopped reading (it exited, or failed early): its exit code and error say why.
        }
        catch
        {
            // The caller's writer failed: the child, waiting for the rest, must not outlive the call.
            KillTree(process);
            throw;
        }
    }

    private static string ReadOutput(Process process, Action<Stream> read)
    {
        var output = process.StandardOutput.BaseStream;
        try
        {
            read(output);
        }
        catch
        {
            // The caller's reader failed: the child must not outlive the call, nor keep it waiting.
            KillTree(process);
            throw;
        }

        output.CopyTo(Stream.Null);
        return "";
    }

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited on its own in the meantime.
        }
    }
}
