using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace AgentTestGuard.Benchmarks;

/// <summary>
/// Times reading an inventory the way a test app does: once, in a process that has not read one
/// before, with the package's precompiled (ReadyToRun) reader that the app loads from
/// runtimes/&lt;rid&gt;/lib/net10.0. <see cref="InventoryReadTiming"/> compiles the reader into this
/// harness instead, and its warm reads run code the runtime has optimized, which a test app never
/// does (it reads once, and keeps compiling test methods until it ends, so nothing gets optimized):
/// the warm figure understated a test app's read several times over.
/// </summary>
/// <remarks>
/// The reader is loaded in a context of its own, so that this harness's own copy (a project
/// reference, compiled at run time) is never loaded: nothing of the reader or the JSON library has
/// run in this process before the first read. A fresh process gives one first read; the script
/// starts several.
/// </remarks>
internal static class PrecompiledInventoryReadTiming
{
    public static int Run(string appDirectory, string inventory, int reads)
    {
        var precompiled = Path.Combine(appDirectory, "runtimes", RuntimeInformation.RuntimeIdentifier, "lib", "net10.0", "AgentTestGuard.Core.dll");
        var assemblyPath = File.Exists(precompiled) ? precompiled : Path.Combine(appDirectory, "AgentTestGuard.Core.dll");
        var assembly = new AssemblyLoadContext("test app's AgentTestGuard.Core").LoadFromAssemblyPath(Path.GetFullPath(assemblyPath));
        var read = assembly.GetType("AgentTestGuard.InventoryFormat.InventoryFile", throwOnError: true)!
            .GetMethod("Read", [typeof(string)])!
            .CreateDelegate<Func<string, object>>();

        var times = new double[reads];
        for (var i = 0; i < reads; i++)
        {
            var start = Stopwatch.GetTimestamp();
            read(inventory);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        var then = times[1..];
        Array.Sort(then);
        var loaded = assemblyPath == precompiled ? Path.GetRelativePath(appDirectory, precompiled) : "AgentTestGuard.Core.dll (not precompiled for this platform)";
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{times[0]:F1} {(then.Length > 0 ? then[then.Length / 2] : double.NaN):F1} {loaded}"));
        return 0;
    }
}
