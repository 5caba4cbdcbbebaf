using System.Diagnostics;
using System.Reflection;
using Xunit;
using Xunit.Sdk;
using Xunit.v3;

namespace AgentTestGuard.Benchmarks;

/// <summary>
/// What tagging costs a test run under xunit v3, before AgentTestGuard's extension does anything.
/// xunit reads a test method's attributes four times per test (its fact, data, trait and
/// before/after attributes), each time through ReflectionExtensions.GetMatchingCustomAttributes,
/// which builds CustomAttributeData for every attribute on the method and looks up each one's
/// AttributeUsage, uncached. This makes those four reads, through xunit's own code, on methods
/// tagged each way, interleaved in short rounds, and prints the fastest round of each: on a
/// shared machine the other rounds measure the neighbours.
/// </summary>
internal static class AttributeReadTiming
{
    /// <param name="agentTests">How many agent tests the totals are given for.</param>
    public static int Run(int rounds, int agentTests)
    {
        var methods = new[] { nameof(Tagged.Untagged), nameof(Tagged.AgentFact), nameof(Tagged.OneAttribute), nameof(Tagged.TwoAttributes) }
            .Select(name => typeof(Tagged).GetMethod(name)!)
            .ToArray();
        var micros = methods.ToDictionary(m => m.Name, _ => new List<double>());
        var bytes = methods.ToDictionary(m => m.Name, _ => 0L);
        const int perRound = 200;
        for (var round = -50; round < rounds; round++)
        {
            foreach (var method in methods)
            {
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                var start = Stopwatch.GetTimestamp();
                for (var i = 0; i < perRound; i++)
                {
                    ReadLikeXunit(method);
                }

                var elapsed = Stopwatch.GetElapsedTime(start);
                if (round >= 0)
                {
                    // The first rounds warm the code up; they are not counted.
                    micros[method.Name].Add(elapsed.TotalMicroseconds / perRound);
                    bytes[method.Name] = (GC.GetAllocatedBytesForCurrentThread() - allocated) / perRound;
                }
            }
        }

        var untagged = micros[nameof(Tagged.Untagged)].Min();
        Console.WriteLine($"xunit v3 attribute reads per test (4 reads; fastest of {rounds} rounds of {perRound}):");
        foreach (var method in methods)
        {
            var fastest = micros[method.Name].Min();
            var extra = fastest - untagged;
            Console.WriteLine(
                $"  {Describe(method.Name),-64} {fastest,6:F1} us  {bytes[method.Name],6} B   tagging adds {extra,5:F1} us per test, {extra * agentTests / 1000,5:F1} ms for {agentTests:N0} agent tests");
        }

        return 0;
    }

    private static void ReadLikeXunit(MethodInfo method)
    {
        method.GetMatchingCustomAttributes<IFactAttribute>();
        method.GetMatchingCustomAttributes<IDataAttribute>();
        method.GetMatchingCustomAttributes<ITraitAttribute>();
        method.GetMatchingCustomAttributes<IBeforeAfterTestAttribute>();
    }

    private static string Describe(string name) => name switch
    {
        nameof(Tagged.Untagged) => "[Fact]",
        nameof(Tagged.AgentFact) => "[AgentFact(\"copilot\", \"CART-1\")]",
        nameof(Tagged.OneAttribute) => "[Fact, AgentGenerated(\"copilot\", Criteria = [\"CART-1\"])]",
        _ => "[Fact, AgentGenerated(\"copilot\"), AcceptanceCriteria(\"CART-1\")]",
    };

    private sealed class Tagged
    {
        [Fact]
        public void Untagged()
        {
        }

        [AgentFact("copilot", "CART-1")]
        public void AgentFact()
        {
        }

        [Fact, AgentGenerated("copilot", Criteria = ["CART-1"])]
        public void OneAttribute()
        {
        }

        [Fact, AgentGenerated("copilot"), AcceptanceCriteria("CART-1")]
        public void TwoAttributes()
        {
        }
    }
}
