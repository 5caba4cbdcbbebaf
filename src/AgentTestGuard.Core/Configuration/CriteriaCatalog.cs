using AgentTestGuard.Diagnostics;

namespace AgentTestGuard.Configuration;

/// <summary>
/// The acceptance criteria a repository knows, read from agenttestguard.criteria.json:
/// <code>{ "criteria": [ { "id": "CART-12", "text": "...", "link": "https://..." } ] }</code>
/// Ids are compared ordinally (case matters, as in trackers).
/// </summary>
internal sealed class CriteriaCatalog
{
    private readonly Dictionary<string, Criterion> _byId;

    private CriteriaCatalog(string path, IReadOnlyList<Criterion> criteria)
    {
        Path = path;
        Criteria = criteria;
        _byId = criteria.ToDictionary(c => c.Id, StringComparer.Ordinal);
    }

    public string Path { get; }

    public IReadOnlyList<Criterion> Criteria { get; }

    public Criterion? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Reads a catalog; null when it has errors, which are in <paramref name="diagnostics"/>.</summary>
    public static CriteriaCatalog? Load(string path, out IReadOnlyList<Diagnostic> diagnostics)
    {
        var reader = new ConfigurationFileReader(path, Descriptors.MalformedCatalog);
        var criteria = Read(reader);
        diagnostics = reader.Diagnostics;
        return reader.HasErrors ? null : new CriteriaCatalog(path, criteria);
    }

    private static List<Criterion> Read(ConfigurationFileReader reader)
    {
        var criteria = new List<Criterion>();
        if (reader.ReadRoot() is not { } root)
        {
            return criteria;
        }

        reader.WarnUnknownKeys(root, "criteria");
        if (ConfigurationFileReader.Find(root, "criteria") is not { } list)
        {
            reader.Error(root, "'criteria' is missing: expected { \"criteria\": [ { \"id\": \"...\", \"text\": \"...\" } ] }.");
            return criteria;
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in reader.AsArray(list.Value, "'criteria'")?.Items ?? [])
        {
            if (reader.AsObject(item, "each criterion") is not { } entry)
            {
                continue;
            }

            reader.WarnUnknownKeys(entry, "id", "text", "link");
            var id = reader.RequiredString(entry, "id", "each criterion needs the id tests link to");
            var text = reader.RequiredString(entry, "text", "each criterion needs the text a reviewer checks the test against");
            var link = reader.OptionalLink(entry, "link");
            if (id is null || text is null)
            {
                continue;
            }

            if (seen.TryGetValue(id, out var firstLine))
            {
                reader.Error(entry, $"Criterion '{Inert.Quote(id)}' is defined twice (first at line {firstLine}); ids must be unique.");
                continue;
            }

            seen.Add(id, entry.Line);
            criteria.Add(new Criterion(id, text, link, entry.Line));
        }

        return criteria;
    }
}
