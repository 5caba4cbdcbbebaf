using System.Diagnostics;
using System.Text;

namespace AgentTestGuard.Tool.Git;

/// <summary>
/// Reads many versions of files ("&lt;commit&gt;:&lt;path&gt;") through one `git cat-file --batch`:
/// walking a ledger's whole history costs one process, not one per commit.
/// </summary>
internal static class GitObjectReader
{
    /// <param name="each">
    /// Called in order with each request's index and the file's content, or null where the commit
    /// has no such file. Versions are handed over one at a time: a long history of a large file
    /// is never held in memory at once.
    /// </param>
    /// <returns>null, or why git could not answer every request.</returns>
    public static string? Read(string directory, IReadOnlyList<string> requests, Action<int, byte[]?> each)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "cat-file", "--batch" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        Process git;
        try
        {
            git = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "git is not installed";
        }

        using (git)
        {
            // Written on another thread: git answers as it reads, and a full pipe either way would stall both.
            var writer = Task.Run(() =>
            {
                using var input = new StreamWriter(git.StandardInput.BaseStream, new UTF8Encoding(false)) { NewLine = "\n" };
                foreach (var request in requests)
                {
                    input.WriteLine(request);
                }
            });
            var error = git.StandardError.ReadToEndAsync();
            var output = new BufferedStream(git.StandardOutput.BaseStream);
            var answered = 0;
            for (; answered < requests.Count; answered++)
            {
                if (ReadLine(output) is not { } header)
                {
                    break;
                }

                // "<id> <type> <size>", or "<request> missing" / "<request> ambiguous".
                var parts = header.Split(' ');
                if (parts.Length == 3 && long.TryParse(parts[2], out var size) && parts[1] == "blob")
                {
                    var content = new byte[size];
                    output.ReadExactly(content);
                    output.ReadByte(); // the line break after the content
                    each(answered, content);
                }
                else if (parts.Length == 3 && long.TryParse(parts[2], out var otherSize))
                {
                    output.ReadExactly(new byte[otherSize]);
                    output.ReadByte();
                    each(answered, null); // a folder where the file was expected
                }
                else
                {
                    each(answered, null);
                }
            }

            git.WaitForExit();
            try
            {
                writer.Wait();
            }
            catch (AggregateException) when (answered < requests.Count)
            {
                // git stopped reading: the answer below says why.
            }

            return answered == requests.Count ? null : $"git cat-file stopped early: {error.Result.Trim()}";
        }
    }

    private static string? ReadLine(Stream stream)
    {
        var bytes = new List<byte>();
        for (var b = stream.ReadByte(); b >= 0; b = stream.ReadByte())
        {
            if (b == '\n')
            {
                return Encoding.UTF8.GetString([.. bytes]);
            }

            bytes.Add((byte)b);
        }

        return null;
    }
}
