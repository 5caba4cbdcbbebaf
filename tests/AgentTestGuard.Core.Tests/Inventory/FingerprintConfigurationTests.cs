using AgentTestGuard.Core.Tests.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using static AgentTestGuard.Core.Tests.TestSupport.Fingerprints;

namespace AgentTestGuard.Core.Tests.Inventory;

/// <summary>
/// The same source has one fingerprint however it is compiled: Debug or Release (different IL, sequence points
/// and state machines), and under each target framework's C# version (C# 12 for net8.0 binds
/// <c>string.Join("-", a, b)</c> to the array overload, C# 13 and later (net10.0 has C# 14) to the span one).
/// </summary>
public sealed class FingerprintConfigurationTests
{
    private const string TestId = "Shop.Tests.CartTests.Checks";

    public static TheoryData<string, string> Bodies => new()
    {
        { "lambdas, a captured local, LINQ", """
            {
                var prices = new[] { 10, 20, 30, 40 };
                var limit = 15;
                var total = prices.Where(price => price > limit).Select(price => price * 2).Sum();
                if (total != 140) throw new InvalidOperationException("wrong total");
            }
            """ },
        { "await in try/catch/finally, a local function, an async lambda", """
            {
                var log = new List<string>();
                try
                {
                    await Task.Delay(1);
                    Func<Task<int>> later = async () => { await Task.Yield(); return Twice(21); };
                    log.Add((await later()).ToString());
                }
                catch (InvalidOperationException e) when (e.Message.Length > 0)
                {
                    log.Add(e.Message);
                }
                finally
                {
                    log.Add("done");
                }

                static int Twice(int value) => value * 2;
            }
            """ },
        { "loops, a switch, using, an iterator local function", """
            {
                var sum = 0;
                foreach (var value in Numbers(4))
                {
                    switch (value)
                    {
                        case 1: sum += 10; break;
                        default: sum += value; break;
                    }
                }

                while (sum < 100) { sum *= 2; }
                using var stream = new System.IO.MemoryStream();
                if (sum != 152) throw new InvalidOperationException($"sum was {sum}");

                static IEnumerable<int> Numbers(int count)
                {
                    for (var i = 0; i < count; i++) yield return i;
                }
            }
            """ },
        { "collection expressions, params, interpolated and raw strings", """"
            {
                int[] values = [1, 2, 3];
                List<string> names = ["a", .. values.Select(v => v.ToString())];
                var joined = string.Join("-", "x", "y", "z");
                var text = $"{joined}:{names.Count,3}";
                var raw = """
                    {"total": 3}
                    """;
                if (text.Length + raw.Length == 0) throw new InvalidOperationException(joined);
            }
            """" },
        { "a bare block as the only statement", """
            {
                {
                    var x = 1;
                    if (x != 1) throw new InvalidOperationException();
                }
            }
            """ },
        { "an empty body", "{ }" },
        { "an expression body", "=> _ = string.Join(\",\", \"a\", \"b\");" },
        { "an early return", """
            {
                var values = new List<int> { 1 };
                if (values.Count == 1)
                {
                    return;
                }

                values.Add(2);
            }
            """ },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public void Debug_and_release_builds_have_the_same_fingerprint(string what, string body)
    {
        var source = Test(body);

        AssertSame(Of(source, TestId, CompileOptions.Default), Of(source, TestId, CompileOptions.Release));
        Assert.NotEmpty(what);
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public void The_csharp_versions_of_net8_and_net10_give_the_same_fingerprint(string what, string body)
    {
        var source = Test(body);

        AssertSame(
            Of(source, TestId, new CompileOptions { LanguageVersion = LanguageVersion.CSharp12 }),
            Of(source, TestId, new CompileOptions { LanguageVersion = LanguageVersion.Preview, Optimization = OptimizationLevel.Release }));
        Assert.NotEmpty(what);
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public void The_source_file_on_disk_gives_the_fingerprint_the_embedded_source_does(string what, string body)
    {
        var source = Test(body);
        var path = Path.Combine(Path.GetTempPath(), "agt-source-" + Guid.NewGuid().ToString("N"), "CartTests.cs");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, source, System.Text.Encoding.UTF8); // as the compiler read it: the PDB holds the checksum of these bytes
        try
        {
            AssertSame(Of(source, TestId), Of(source, TestId, new CompileOptions { SourcePath = path, EmbedSources = false }));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }

        Assert.NotEmpty(what);
    }

    [Fact]
    public void A_source_file_edited_since_the_build_is_not_used()
    {
        var source = Test("{ var x = 1; }");
        var path = Path.Combine(Path.GetTempPath(), "agt-source-" + Guid.NewGuid().ToString("N"), "CartTests.cs");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            File.WriteAllText(path, source, System.Text.Encoding.UTF8); // as the compiler read it: the PDB holds the checksum of these bytes
            using var assembly = TestCompiler.Compile(source, new CompileOptions { SourcePath = path, EmbedSources = false });
            var fromSource = Assert.Single(AgentTestGuard.Inventory.AssemblyScanner.Scan(new(assembly.Path)).Tests).Fingerprint;
            File.WriteAllText(path, source.Edit("var x = 1;", "var x = 2;"), System.Text.Encoding.UTF8);

            var afterEdit = Assert.Single(AgentTestGuard.Inventory.AssemblyScanner.Scan(new(assembly.Path)).Tests).Fingerprint;

            // Neither the edited text nor the compiled one: the compiled code stands in, which matches no approval made from source.
            Assert.NotEqual(fromSource, afterEdit);
            Assert.NotEqual(Of(source.Edit("var x = 1;", "var x = 2;"), TestId).Fingerprint, afterEdit);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    private static string Test(string body) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using AgentTestGuard;
        using Xunit;

        namespace Shop.Tests;

        public class CartTests
        {
            [Fact, AgentGenerated("copilot")]
            public {{(body.Contains("await", StringComparison.Ordinal) ? "async Task" : "void")}} Checks()
            {{body}}
        }
        """;
}
