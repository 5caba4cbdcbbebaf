using System.Reflection;
using AgentTestGuard.InventoryFormat;

namespace AgentTestGuard.TestingPlatform.Classification;

/// <summary>Finds and reads the inventory the build copied next to the test assembly.</summary>
internal static class InventoryLocator
{
    /// <summary>The inventory path for the running test app: &lt;assembly&gt;.agenttests.json beside it.</summary>
    public static string? PathForEntryAssembly()
    {
        var entry = Assembly.GetEntryAssembly();
        if (entry is null || string.IsNullOrEmpty(entry.Location))
        {
            return null;
        }

        return Path.ChangeExtension(entry.Location, null) + InventoryDocument.FileSuffix;
    }

    /// <summary>
    /// Reads the inventory; null with a reason when it is missing or unreadable (every test then
    /// gates, which is what the run would do without the package).
    /// </summary>
    public static InventoryDocument? TryRead(string? path, out string? problem)
    {
        problem = null;
        if (path is null)
        {
            problem = "the test assembly's location is unknown, so its agent test inventory cannot be found";
            return null;
        }

        if (!File.Exists(path))
        {
            problem = $"no agent test inventory at {path}; was the project built with AgentTestGuard's targets (AgentTestGuardSkip not set)?";
            return null;
        }

        try
        {
            return InventoryFile.Read(path);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            problem = e.Message;
            return null;
        }
    }
}
