namespace AgentTestGuard.TestingPlatform.Output;

/// <summary>
/// The process's own standard error. A test framework may replace <see cref="Console.Error"/> to
/// capture what tests write (TUnit does, for the whole run), and a line written there at the end of
/// the session would land in that capture instead of the output the user sees.
/// </summary>
internal static class StandardError
{
    public static void WriteLine(string text)
    {
        // The encoding Console.Error itself would use; no preamble, since GetBytes writes none.
        var bytes = Console.OutputEncoding.GetBytes(text + Environment.NewLine);
        using var stream = Console.OpenStandardError();
        stream.Write(bytes);
        stream.Flush();
    }
}
