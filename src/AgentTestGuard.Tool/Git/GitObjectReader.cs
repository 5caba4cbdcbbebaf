using System.Text;
using AgentTestGuard.Processes;

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
        var answered = 0;
        var git = ChildProcess.Run(new ChildProcessStart
        {
            Program = "git",
            Arguments = ["cat-file", "--batch"],
            WorkingDirectory = directory,
            Variables = GitRunner.Environment,

            // Written on a thread of its own: git answers as it reads, and a full pipe either way would stall both.
            WriteInput = input =>
            {
                using var writer = new StreamWriter(input, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
                foreach (var request in requests)
                {
                    writer.WriteLine(request);
                }
            },
            ReadOutput = output => answered = ReadAnswers(new BufferedStream(output), requests.Count, each),
        });
        return git.End == ChildProcessEnd.NotStarted ? "git is not installed"
            : answered == requests.Count ? null
            : $"git cat-file stopped early: {git.Error.Trim()}";
    }

    /// <returns>How many requests were answered before the output ended.</returns>
    private static int ReadAnswers(Stream output, int count, Action<int, byte[]?> each)
    {
        var answered = 0;
        for (; answered < count; answered++)
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

        return answered;
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
