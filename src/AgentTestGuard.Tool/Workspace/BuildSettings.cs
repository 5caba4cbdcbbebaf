namespace AgentTestGuard.Tool.Workspace;

/// <summary>
/// The build settings a command was given (-c, -f, -p:Name=Value), passed both to the builds the
/// tool runs and to its own evaluation of the projects, so that both see the same project.
/// </summary>
internal sealed record BuildSettings(string? Configuration, string? Framework, IReadOnlyList<KeyValuePair<string, string>> Properties)
{
    public static BuildSettings None { get; } = new(null, null, []);

    /// <summary>The arguments to `dotnet build` or `dotnet restore`.</summary>
    public IEnumerable<string> Arguments(string verb)
    {
        // Restore runs for every target framework whatever -f says (so does `dotnet build -f`).
        if (Configuration is not null && verb != "restore")
        {
            yield return "-c";
            yield return Configuration;
        }

        if (Framework is not null && verb != "restore")
        {
            yield return "-f";
            yield return Framework;
        }

        foreach (var (name, value) in Properties)
        {
            yield return $"-p:{name}={value}";
        }
    }

    /// <summary>The global properties an evaluation needs to see what the build sees.</summary>
    public Dictionary<string, string> GlobalProperties()
    {
        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in Properties)
        {
            properties[name] = value;
        }

        if (Configuration is not null)
        {
            properties["Configuration"] = Configuration;
        }

        if (Framework is not null)
        {
            properties["TargetFramework"] = Framework;
        }

        return properties;
    }

    /// <summary>Parses the values of -p / --property: "Name=Value", or several as "A=1;B=2".</summary>
    /// <returns>null, with the offending value in <paramref name="problem"/>, when one has no name.</returns>
    public static IReadOnlyList<KeyValuePair<string, string>>? ParseProperties(IEnumerable<string> values, out string? problem)
    {
        problem = null;
        var properties = new List<KeyValuePair<string, string>>();
        foreach (var value in values)
        {
            foreach (var part in value.Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = part.IndexOf('=', StringComparison.Ordinal);
                var name = equals < 0 ? part.Trim() : part[..equals].Trim();
                if (equals <= 0 || name.Length == 0)
                {
                    problem = part;
                    return null;
                }

                properties.Add(new(name, part[(equals + 1)..]));
            }
        }

        return properties;
    }
}
