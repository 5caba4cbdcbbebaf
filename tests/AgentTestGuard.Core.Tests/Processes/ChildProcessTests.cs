using AgentTestGuard.Processes;
using Xunit;

namespace AgentTestGuard.Core.Tests.Processes;

/// <summary>The one way the product starts a child process, against a real shell.</summary>
public sealed class ChildProcessTests
{
    [Fact]
    public async Task Passes_each_argument_unchanged_and_returns_the_exit_code()
    {
        var result = await Shell("printf '[%s]\\n' \"$@\"; exit 3", "two words", "a \"quoted\" 'one'", "", "$HOME");

        Assert.Equal(ChildProcessEnd.Exited, result.End);
        Assert.Equal(3, result.ExitCode);
        Assert.False(result.Succeeded);
        Assert.Equal("[two words]\n[a \"quoted\" 'one']\n[]\n[$HOME]\n", result.Output);
        Assert.Null(result.Problem);
    }

    [Fact]
    public async Task Reads_both_outputs_in_full_when_the_child_fills_one_pipe_before_writing_the_other()
    {
        // 300 KB to standard error first: more than a pipe holds, so reading standard output alone would wait forever.
        var result = await Shell("head -c 300000 /dev/zero | tr '\\0' e >&2; head -c 200000 /dev/zero | tr '\\0' o");

        Assert.True(result.Succeeded);
        Assert.Equal(new string('o', 200_000), result.Output);
        Assert.Equal(new string('e', 300_000), result.Error);
    }

    [Fact]
    public async Task Sets_and_removes_variables_for_the_child_only()
    {
        RequireShell();
        var name = "AGT_CHILD_" + Guid.NewGuid().ToString("N");
        string[] inherited = [name + "_INHERITED", name + "_NAMED", name + "_NULLED"];
        foreach (var variable in inherited)
        {
            Environment.SetEnvironmentVariable(variable, "inherited");
        }

        try
        {
            var result = await ChildProcess.RunAsync(
                new ChildProcessStart
                {
                    Program = "sh",
                    Arguments = ["-c", $"env | grep '^{name}' | sort"],
                    RemovedVariables = [name.ToLowerInvariant() + "_named"],
                    Variables = new Dictionary<string, string?> { [name + "_SET"] = "a value with spaces", [name + "_NULLED"] = null },
                },
                CancellationToken.None);

            Assert.True(result.Succeeded);
            Assert.Equal($"{name}_INHERITED=inherited\n{name}_SET=a value with spaces\n", result.Output);
            Assert.Equal("inherited", Environment.GetEnvironmentVariable(name + "_NULLED"));
        }
        finally
        {
            foreach (var variable in inherited)
            {
                Environment.SetEnvironmentVariable(variable, null);
            }
        }
    }

    [Fact]
    public async Task Removes_every_variable_that_starts_with_a_prefix_ending_in_an_underscore()
    {
        RequireShell();
        var prefix = "AGT_PREFIX_" + Guid.NewGuid().ToString("N") + "_";
        Environment.SetEnvironmentVariable(prefix + "ONE", "1");
        Environment.SetEnvironmentVariable(prefix + "TWO", "2");
        try
        {
            var result = await ChildProcess.RunAsync(
                new ChildProcessStart { Program = "sh", Arguments = ["-c", $"env | grep -c '^{prefix}' || true"], RemovedVariables = [prefix.ToLowerInvariant()] },
                CancellationToken.None);

            Assert.Equal("0\n", result.Output);
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "ONE", null);
            Environment.SetEnvironmentVariable(prefix + "TWO", null);
        }
    }

    [Fact]
    public async Task Closes_standard_input_so_a_child_reading_it_does_not_wait()
    {
        var result = await Shell("cat; echo done");

        Assert.Equal("done\n", result.Output);
    }

    [Fact]
    public async Task Writes_standard_input_and_hands_standard_output_to_a_reader_as_it_comes()
    {
        RequireShell();
        var read = new MemoryStream();
        var result = await ChildProcess.RunAsync(
            new ChildProcessStart
            {
                Program = "sh",
                Arguments = ["-c", "tr a-z A-Z"],
                WriteInput = input => input.Write("several\nlines\n"u8),
                ReadOutput = output => output.CopyTo(read),
            },
            CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal("SEVERAL\nLINES\n"u8.ToArray(), read.ToArray());
        Assert.Equal("", result.Output);
    }

    [Fact]
    public async Task Drains_what_a_reader_left_unread_so_the_child_can_finish()
    {
        RequireShell();
        var first = -1;
        var result = await ChildProcess.RunAsync(
            new ChildProcessStart
            {
                Program = "sh",
                Arguments = ["-c", "head -c 500000 /dev/zero | tr '\\0' x; exit 4"],
                ReadOutput = output => first = output.ReadByte(),
                Timeout = TimeSpan.FromMinutes(1),
            },
            CancellationToken.None);

        Assert.Equal('x', first);
        Assert.Equal(ChildProcessEnd.Exited, result.End);
        Assert.Equal(4, result.ExitCode);
    }

    [Fact]
    public async Task A_program_that_is_not_installed_is_told_not_thrown()
    {
        var result = await ChildProcess.RunAsync(new ChildProcessStart { Program = "agt-no-such-program" }, CancellationToken.None);

        Assert.Equal(ChildProcessEnd.NotStarted, result.End);
        Assert.Equal(-1, result.ExitCode);
        Assert.StartsWith("agt-no-such-program could not be started: ", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_its_time_limit_the_child_and_the_processes_it_started_are_killed()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "Reads process states from /proc.");

        // The shell starts a grandchild and waits for it: both must go.
        var result = await ChildProcess.RunAsync(
            new ChildProcessStart { Program = "sh", Arguments = ["-c", "sleep 300 & echo $!; wait"], Timeout = TimeSpan.FromSeconds(5) },
            CancellationToken.None);

        Assert.Equal(ChildProcessEnd.TimedOut, result.End);
        Assert.Equal(-1, result.ExitCode);
        Assert.Equal("sh -c sleep 300 & echo $!; wait did not finish in 00:00:05 and was stopped", result.Problem);
        var grandchild = int.Parse(result.Output.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await HasEnded(grandchild), $"process {grandchild} still runs");
    }

    [Fact]
    public async Task Cancelling_kills_the_child_and_throws()
    {
        RequireShell();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        var started = DateTime.UtcNow;

        await Assert.ThrowsAsync<OperationCanceledException>(() =>
            ChildProcess.RunAsync(new ChildProcessStart { Program = "sh", Arguments = ["-c", "sleep 300"] }, cancel.Token));

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task A_reader_that_fails_fails_the_call_and_kills_the_child()
    {
        RequireShell();
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => ChildProcess.RunAsync(
            new ChildProcessStart
            {
                Program = "sh",
                Arguments = ["-c", "echo header; sleep 300"],
                ReadOutput = _ => throw new InvalidDataException("unreadable header"),
                Timeout = TimeSpan.FromMinutes(2),
            },
            CancellationToken.None));

        Assert.Equal("unreadable header", error.Message);
    }

    [Fact]
    public void Runs_from_synchronous_code_in_the_given_directory()
    {
        RequireShell();
        var directory = Directory.CreateTempSubdirectory("agt-child-").FullName;
        try
        {
            var result = ChildProcess.Run(new ChildProcessStart { Program = "pwd", WorkingDirectory = directory });

            Assert.True(result.Succeeded);
            Assert.Equal(Path.GetFullPath(directory), Path.GetFullPath(result.Output.Trim()));
        }
        finally
        {
            Directory.Delete(directory);
        }
    }

    private static void RequireShell() => Assert.SkipWhen(OperatingSystem.IsWindows(), "Uses a POSIX shell and its tools.");

    private static Task<ChildProcessResult> Shell(string script, params string[] arguments)
    {
        RequireShell();
        return ChildProcess.RunAsync(
            new ChildProcessStart { Program = "sh", Arguments = ["-c", script, "sh", .. arguments], Timeout = TimeSpan.FromMinutes(1) },
            CancellationToken.None);
    }

    /// <summary>Gone, or a zombie waiting to be reaped: either way no longer running.</summary>
    private static async Task<bool> HasEnded(int pid)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var stat = $"/proc/{pid}/stat";
            if (!File.Exists(stat) || File.ReadAllText(stat).Split(") ")[1].StartsWith('Z'))
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }
}
