using AgentTestGuard.Tool.Tests.Init;
using AgentTestGuard.Tool.Workspace;
using Xunit;

namespace AgentTestGuard.Tool.Tests.Workspace;

/// <summary>Whether the tool builds or restores a project before a command, and the reason it prints.</summary>
public sealed class WorkspaceRefreshTests : TempFolder
{
    private static readonly DateTime Built = new(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_current_inventory_needs_nothing()
    {
        var project = Project(("net10.0", Built));

        Assert.Null(project.StaleInventory());
        Assert.Null(WorkspaceRefresh.Needed(project, restored: true, WorkspaceNeeds.AgentTests));
    }

    [Fact]
    public void A_missing_inventory_is_built()
    {
        var project = Project(("net10.0", null));

        Assert.Equal(new WorkspaceRefresh.Step("build", "its agent test inventory does not exist yet"), WorkspaceRefresh.Needed(project, restored: true, WorkspaceNeeds.AgentTests));
    }

    [Fact]
    public void An_inventory_older_than_a_source_is_built_naming_the_source()
    {
        var project = Project(("net10.0", Built));
        File.SetLastWriteTimeUtc(project.Inputs[1], Built.AddSeconds(1));

        Assert.Equal(new WorkspaceRefresh.Step("build", $"its agent test inventory is older than {Path.Combine("Carts", "CartTests.cs")}"), WorkspaceRefresh.Needed(project, restored: true, WorkspaceNeeds.AgentTests));
    }

    [Fact]
    public void An_inventory_older_than_several_inputs_names_the_first_and_counts_the_others()
    {
        var project = Project(("net10.0", Built));
        File.SetLastWriteTimeUtc(project.Inputs[0], Built.AddMinutes(1));
        File.SetLastWriteTimeUtc(project.Inputs[2], Built.AddMinutes(1));
        File.SetLastWriteTimeUtc(project.Inputs[3], Built.AddMinutes(1));

        Assert.Equal("its agent test inventory is older than OrderTests.cs and 2 more files", project.StaleInventory());

        File.SetLastWriteTimeUtc(project.Inputs[3], Built);
        Assert.Equal("its agent test inventory is older than OrderTests.cs and 1 more file", project.StaleInventory());
    }

    [Fact]
    public void The_ledger_above_the_project_is_named_by_its_path_from_the_project()
    {
        var project = Project(("net10.0", Built));
        File.SetLastWriteTimeUtc(project.Inputs[^1], Built.AddDays(1));

        Assert.Equal($"its agent test inventory is older than {Path.Combine("..", "agenttestguard.approvals.jsonl")}", project.StaleInventory());
    }

    [Fact]
    public void A_multi_targeted_project_names_the_framework_whose_inventory_is_stale()
    {
        var project = Project(("net8.0", Built), ("net10.0", null));

        Assert.Equal("its agent test inventory for net10.0 does not exist yet", project.StaleInventory());
    }

    [Fact]
    public void An_input_that_was_deleted_does_not_make_the_inventory_stale()
    {
        var project = Project(("net10.0", Built));
        File.Delete(project.Inputs[0]);

        Assert.Null(project.StaleInventory());
    }

    [Fact]
    public void A_project_not_restored_is_built_for_its_agent_tests_and_only_restored_for_its_review_files()
    {
        var project = Project(("net10.0", Built));

        Assert.Equal(new WorkspaceRefresh.Step("build", "it is not restored, so it has no agent test inventory yet"), WorkspaceRefresh.Needed(project, restored: false, WorkspaceNeeds.AgentTests));
        Assert.Equal(
            new WorkspaceRefresh.Step("restore", "it is not restored, and until it is, where its review files are is not known"),
            WorkspaceRefresh.Needed(project, restored: false, WorkspaceNeeds.ReviewFiles));
    }

    [Fact]
    public void The_review_files_never_need_a_build_however_stale_the_inventory()
    {
        var project = Project(("net10.0", null));

        Assert.Null(WorkspaceRefresh.Needed(project, restored: true, WorkspaceNeeds.ReviewFiles));
    }

    /// <summary>Shop.Tests in src/, its ledger in the folder above; every input written at <see cref="Built"/>.</summary>
    /// <param name="inventories">Per framework, when its inventory was written; null: not written.</param>
    private TestProject Project(params (string Framework, DateTime? Written)[] inventories)
    {
        string[] inputs =
        [
            Write("src/OrderTests.cs", "class OrderTests;"),
            Write("src/Carts/CartTests.cs", "class CartTests;"),
            Write("src/Shop.Tests.csproj", "<Project />"),
            Write("agenttestguard.approvals.jsonl", ""),
        ];
        foreach (var input in inputs)
        {
            File.SetLastWriteTimeUtc(input, Built);
        }

        var files = new List<FrameworkInventory>();
        foreach (var (framework, written) in inventories)
        {
            var file = Path.Combine(Folder, "src", "obj", framework, "Shop.Tests.agenttests.json");
            if (written is { } time)
            {
                File.SetLastWriteTimeUtc(Write($"src/obj/{framework}/Shop.Tests.agenttests.json", "{}"), time);
            }

            files.Add(new FrameworkInventory(framework, file));
        }

        return new TestProject(inputs[2], "Shop.Tests", files, inputs[3], null, inputs);
    }
}
