using System.Text;
using AgentTestGuard.Tool.Init;
using Xunit;

namespace AgentTestGuard.Tool.Tests.Init;

public sealed class PackageReferenceEditorTests : TempFolder
{
    public PackageReferenceEditorTests() => MSBuildRegistration.Ensure();

    [Fact]
    public void A_versioned_reference_joins_the_item_group_that_lists_packages_and_nothing_else_changes()
    {
        var project = Write("A.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>   <!-- kept as written -->
              </PropertyGroup>

              <ItemGroup>
                <Compile Remove="Generated/**" />
              </ItemGroup>
              <ItemGroup>
                <PackageReference Include="Shouldly" Version="4.3.0" />
                <PackageReference Include="xunit.v3" Version="4.0.2" />
              </ItemGroup>
            </Project>

            """);

        Assert.True(PackageReferenceEditor.AddReference(project, "1.2.0"));

        Assert.Equal("""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>   <!-- kept as written -->
              </PropertyGroup>

              <ItemGroup>
                <Compile Remove="Generated/**" />
              </ItemGroup>
              <ItemGroup>
                <PackageReference Include="AgentTestGuard" Version="1.2.0" />
                <PackageReference Include="Shouldly" Version="4.3.0" />
                <PackageReference Include="xunit.v3" Version="4.0.2" />
              </ItemGroup>
            </Project>

            """, File.ReadAllText(project));
    }

    [Fact]
    public void Under_central_management_the_reference_has_no_version_and_the_props_file_gets_one()
    {
        var project = Write("A.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="xunit.v3" />
              </ItemGroup>
            </Project>

            """);
        var props = Write("Directory.Packages.props", """
            <Project>
              <PropertyGroup>
                <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <PackageVersion Include="xunit.v3" Version="4.0.2" />
              </ItemGroup>
            </Project>

            """);

        Assert.True(PackageReferenceEditor.AddReference(project, version: null));
        Assert.True(PackageReferenceEditor.AddVersion(props, "1.2.0"));

        Assert.Equal("""
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="AgentTestGuard" />
                <PackageReference Include="xunit.v3" />
              </ItemGroup>
            </Project>

            """, File.ReadAllText(project));
        Assert.Equal("""
            <Project>
              <PropertyGroup>
                <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
              </PropertyGroup>
              <ItemGroup>
                <PackageVersion Include="AgentTestGuard" Version="1.2.0" />
                <PackageVersion Include="xunit.v3" Version="4.0.2" />
              </ItemGroup>
            </Project>

            """, File.ReadAllText(props));
    }

    [Fact]
    public void A_file_that_has_the_package_already_is_left_untouched()
    {
        var text = "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <ItemGroup>\n    <PackageReference   Include=\"agenttestguard\" Version=\"0.9.0\"/>\n  </ItemGroup>\n</Project>\n";
        var project = Write("A.csproj", text);
        var props = Write("Directory.Packages.props", text.Replace("PackageReference", "PackageVersion", StringComparison.Ordinal));

        Assert.False(PackageReferenceEditor.AddReference(project, "1.2.0"));
        Assert.False(PackageReferenceEditor.AddVersion(props, "1.2.0"));

        Assert.Equal(text, File.ReadAllText(project));
        Assert.Equal(text.Replace("PackageReference", "PackageVersion", StringComparison.Ordinal), File.ReadAllText(props));
    }

    [Fact]
    public void Without_a_package_item_group_a_new_one_goes_after_the_last_item_group()
    {
        var project = Write("A.csproj", """
            <Project Sdk="MSTest.Sdk/4.0.2">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="../Shop/Shop.csproj" />
              </ItemGroup>
            </Project>

            """);

        Assert.True(PackageReferenceEditor.AddReference(project, "1.2.0"));

        Assert.Equal("""
            <Project Sdk="MSTest.Sdk/4.0.2">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="../Shop/Shop.csproj" />
              </ItemGroup>
              <ItemGroup>
                <PackageReference Include="AgentTestGuard" Version="1.2.0" />
              </ItemGroup>
            </Project>

            """, File.ReadAllText(project));
    }

    [Fact]
    public void A_file_with_a_byte_order_mark_and_windows_line_ends_keeps_both()
    {
        var project = Path.Combine(Folder, "A.csproj");
        File.WriteAllText(
            project,
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<Project Sdk=\"Microsoft.NET.Sdk\">\r\n  <ItemGroup>\r\n    <PackageReference Include=\"xunit.v3\" Version=\"4.0.2\" />\r\n  </ItemGroup>\r\n</Project>\r\n",
            new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        Assert.True(PackageReferenceEditor.AddReference(project, "1.2.0"));

        Assert.Equal(
            [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(
                "<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n<Project Sdk=\"Microsoft.NET.Sdk\">\r\n  <ItemGroup>\r\n    <PackageReference Include=\"AgentTestGuard\" Version=\"1.2.0\" />\r\n    <PackageReference Include=\"xunit.v3\" Version=\"4.0.2\" />\r\n  </ItemGroup>\r\n</Project>\r\n")],
            File.ReadAllBytes(project));
    }

    [Fact]
    public void Unrelated_lines_keep_their_bytes_spacing_and_multi_line_elements()
    {
        const string Before = """
            <Project Sdk="Microsoft.NET.Sdk">
            	<PropertyGroup>
            		<TargetFramework>net10.0</TargetFramework>
            	</PropertyGroup>
            	<ItemGroup>
            		<PackageReference Include="Shouldly" Version="4.3.0"/>
            		<PackageReference   Include="xunit.v3"
            		                    Version="4.0.2" ><!-- why: the platform runner --></PackageReference>
            	</ItemGroup>
            	<ItemGroup>
            		<ProjectReference
            			Include="../Shop/Shop.csproj"
            			PrivateAssets="all"/>
            	</ItemGroup>
            </Project>
            """;
        var project = Write("A.csproj", Before);

        Assert.True(PackageReferenceEditor.AddReference(project, "1.2.0"));

        Assert.Equal("""
            <Project Sdk="Microsoft.NET.Sdk">
            	<PropertyGroup>
            		<TargetFramework>net10.0</TargetFramework>
            	</PropertyGroup>
            	<ItemGroup>
            		<PackageReference Include="AgentTestGuard" Version="1.2.0" />
            		<PackageReference Include="Shouldly" Version="4.3.0"/>
            		<PackageReference   Include="xunit.v3"
            		                    Version="4.0.2" ><!-- why: the platform runner --></PackageReference>
            	</ItemGroup>
            	<ItemGroup>
            		<ProjectReference
            			Include="../Shop/Shop.csproj"
            			PrivateAssets="all"/>
            	</ItemGroup>
            </Project>
            """, File.ReadAllText(project));
    }

    [Fact]
    public void A_package_that_sorts_last_goes_after_the_last_multi_line_reference()
    {
        var project = Write("A.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup Condition="'$(Configuration)' == 'Debug'">
                <PackageReference Include="Aaa" Version="1.0.0" />
              </ItemGroup>
              <ItemGroup>
                <PackageReference Include="Aaa"
                                  Version="1.0.0">
                  <PrivateAssets>all</PrivateAssets>
                </PackageReference>
              </ItemGroup>
            </Project>

            """);

        Assert.True(PackageReferenceEditor.AddReference(project, "1.2.0"));

        Assert.Equal("""
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup Condition="'$(Configuration)' == 'Debug'">
                <PackageReference Include="Aaa" Version="1.0.0" />
              </ItemGroup>
              <ItemGroup>
                <PackageReference Include="Aaa"
                                  Version="1.0.0">
                  <PrivateAssets>all</PrivateAssets>
                </PackageReference>
                <PackageReference Include="AgentTestGuard" Version="1.2.0" />
              </ItemGroup>
            </Project>

            """, File.ReadAllText(project));
    }

    [Fact]
    public void A_project_without_item_groups_gets_one_before_its_end_tag_with_the_files_indentation()
    {
        var project = Write("A.csproj", "<Project Sdk=\"MSTest.Sdk/4.0.2\">\r\n    <PropertyGroup>\r\n        <TargetFramework>net10.0</TargetFramework>\r\n    </PropertyGroup>\r\n</Project>");

        Assert.True(PackageReferenceEditor.AddReference(project, "1.2.0"));

        Assert.Equal(
            "<Project Sdk=\"MSTest.Sdk/4.0.2\">\r\n    <PropertyGroup>\r\n        <TargetFramework>net10.0</TargetFramework>\r\n    </PropertyGroup>\r\n"
            + "    <ItemGroup>\r\n        <PackageReference Include=\"AgentTestGuard\" Version=\"1.2.0\" />\r\n    </ItemGroup>\r\n</Project>",
            File.ReadAllText(project));
    }

    [Fact]
    public void A_file_that_is_not_well_formed_is_refused_and_left_as_it_is()
    {
        const string Broken = "<Project>\n  <ItemGroup>\n</Project>\n";
        var project = Write("A.csproj", Broken);

        var error = Assert.Throws<InvalidDataException>(() => PackageReferenceEditor.AddReference(project, "1.2.0"));

        Assert.StartsWith($"{project} is not well-formed XML: ", error.Message, StringComparison.Ordinal);
        Assert.Equal(Broken, File.ReadAllText(project));
    }
}
