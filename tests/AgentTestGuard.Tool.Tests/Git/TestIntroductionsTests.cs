using AgentTestGuard.Tests.Shared;
using AgentTestGuard.Tool.Git;
using Xunit;

namespace AgentTestGuard.Tool.Tests.Git;

/// <summary>When git history is available, a test is first seen when the commit that added it was written.</summary>
public sealed class TestIntroductionsTests
{
    private static readonly DateTimeOffset Day1 = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Each_test_is_dated_by_the_commit_that_added_its_method_to_its_class()
    {
        using var repository = TempGitRepository.Init();
        Directory.CreateDirectory(repository.PathOf("tests"));
        repository.Write("tests/CartTests.cs", Class("CartTests", "Total_includes_tax"));
        Commit(repository, Day1);

        // Day 2: a second test in the class, and a class elsewhere with a method of the same name.
        repository.Write("tests/CartTests.cs", Class("CartTests", "Total_includes_tax", "Discount_applies"));
        repository.Write("tests/OrderTests.cs", Class("OrderTests", "Total_includes_tax"));
        Commit(repository, Day1.AddDays(1));

        // Day 3: the file moves, and a test is edited: neither adds a test.
        Directory.CreateDirectory(repository.PathOf("tests/Cart"));
        repository.Run("mv", "tests/CartTests.cs", "tests/Cart/CartTests.cs");
        repository.Write("tests/Cart/CartTests.cs", Class("CartTests", "Total_includes_tax", "Discount_applies").Replace("1 + 1", "2 + 2", StringComparison.Ordinal));
        Commit(repository, Day1.AddDays(2));

        var added = TestIntroductions.Find(repository.Root,
        [
            "Shop.Tests.CartTests.Total_includes_tax", "Shop.Tests.CartTests.Discount_applies", "Shop.Tests.OrderTests.Total_includes_tax",
            "Shop.Tests.CartTests.Never_written", "Shop.Tests.Outer+CartTests.Discount_applies",
        ]);

        Assert.Equal(
            new Dictionary<string, DateTimeOffset>
            {
                ["Shop.Tests.CartTests.Total_includes_tax"] = Day1,
                ["Shop.Tests.CartTests.Discount_applies"] = Day1.AddDays(1),
                ["Shop.Tests.OrderTests.Total_includes_tax"] = Day1.AddDays(1),
                ["Shop.Tests.Outer+CartTests.Discount_applies"] = Day1.AddDays(1),
            },
            added);
    }

    [Fact]
    public void Without_a_commit_or_in_a_shallow_clone_there_is_no_answer()
    {
        using var repository = TempGitRepository.Init();
        Assert.Null(TestIntroductions.Find(repository.Root, ["Shop.Tests.C.M"]));

        repository.Write("C.cs", Class("C", "M"));
        Commit(repository, Day1);
        repository.Write("C.cs", Class("C", "M", "N"));
        Commit(repository, Day1.AddDays(1));
        var clone = Path.Combine(Path.GetTempPath(), "agt-shallow-" + Guid.NewGuid().ToString("N"));
        repository.Run("clone", "-q", "--depth", "1", "file://" + repository.Root, clone);
        try
        {
            Assert.Equal(new Dictionary<string, DateTimeOffset> { ["Shop.Tests.C.M"] = Day1 }, TestIntroductions.Find(repository.Root, ["Shop.Tests.C.M"]));
            Assert.Null(TestIntroductions.Find(clone, ["Shop.Tests.C.M"]));
        }
        finally
        {
            foreach (var file in Directory.EnumerateFiles(clone, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }

            Directory.Delete(clone, recursive: true);
        }
    }

    private static void Commit(TempGitRepository repository, DateTimeOffset authored)
    {
        repository.Run("add", "-A");
        repository.Run("commit", "-q", "-m", "tests", "--date", authored.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string Class(string name, params string[] methods) =>
        $"namespace Shop.Tests;\n\npublic class {name}\n{{\n"
        + string.Concat(methods.Select(m => $"    [Fact, AgentGenerated(\"copilot\")]\n    public void {m}()\n    {{\n        Assert.Equal(2, 1 + 1);\n    }}\n\n"))
        + "}\n";
}
