namespace AgentTestGuard.LineFiles;

/// <summary>How the entries of one kind of line file are placed, told apart and written.</summary>
/// <param name="LineOf">The 1-based line an entry was read from.</param>
/// <param name="Replaces">Whether a new entry takes the place of an old one (the same test approved again); null when none does.</param>
/// <param name="Order">The file's stable order, where new entries go while the file keeps it.</param>
/// <param name="Header">The comment a new file starts with.</param>
internal sealed record LineFileFormat<T>(
    Func<T, int> LineOf,
    Func<T, T, bool>? Replaces,
    Func<T, string> Serialize,
    IComparer<T> Order,
    string Header);

/// <summary>
/// Turns a change of a line file's entries (the entries read, and the entries wanted) into edits of
/// its lines: an entry kept is not touched, not even re-serialized; one removed loses its line; one
/// replaced is rewritten where it stands; a new one goes in at its place in the stable order when the
/// file keeps that order, else (a file left unsorted by a union merge, or by hand) at the end.
/// </summary>
internal static class LineFileChange
{
    /// <param name="current">The entries read from <paramref name="bytes"/>, in file order, each knowing its line.</param>
    /// <param name="wanted">
    /// The entries the file should hold: those of <paramref name="current"/> to keep (equal records),
    /// and new ones. Their order does not matter.
    /// </param>
    public static byte[] Apply<T>(byte[] bytes, IReadOnlyList<T> current, IReadOnlyList<T> wanted, LineFileFormat<T> format)
        where T : notnull
    {
        var file = LineFile.Parse(bytes);
        var kept = new HashSet<T>(wanted);
        var old = new HashSet<T>(current);
        var added = wanted.Where(w => !old.Contains(w)).ToList();

        // What stays on each line: a kept entry, or the new entry that replaces the old one there.
        var entryAt = new Dictionary<int, T>();
        var replaced = new HashSet<int>();
        var removed = new HashSet<int>();
        foreach (var entry in current)
        {
            var index = format.LineOf(entry) - 1;
            if (kept.Contains(entry))
            {
                entryAt[index] = entry;
            }
            else if (format.Replaces is { } replaces && added.FindIndex(a => replaces(a, entry)) is var at and >= 0)
            {
                entryAt[index] = added[at];
                replaced.Add(index);
                added.RemoveAt(at);
            }
            else
            {
                removed.Add(index);
            }
        }

        var insertBefore = PlaceNew(added, entryAt, file.Count, format.Order);
        for (var index = file.Count; index >= 0; index--)
        {
            if (replaced.Contains(index))
            {
                file.Replace(index, format.Serialize(entryAt[index]));
            }
            else if (removed.Contains(index))
            {
                file.RemoveAt(index);
            }

            var before = insertBefore.GetValueOrDefault(index, []);
            for (var offset = 0; offset < before.Count; offset++)
            {
                file.Insert(index + offset, format.Serialize(before[offset]));
            }
        }

        return file.ToBytes();
    }

    /// <summary>New entries by the line index they go before (the line count for the end).</summary>
    private static Dictionary<int, List<T>> PlaceNew<T>(List<T> added, Dictionary<int, T> entryAt, int lineCount, IComparer<T> order)
    {
        var places = new Dictionary<int, List<T>>();
        void Place(int index, T entry)
        {
            if (!places.TryGetValue(index, out var list))
            {
                places[index] = list = [];
            }

            list.Add(entry);
        }

        var pending = new Queue<T>(added.OrderBy(a => a, order));
        var lines = entryAt.Keys.Order().ToList();
        var sorted = lines.Zip(lines.Skip(1)).All(pair => order.Compare(entryAt[pair.First], entryAt[pair.Second]) <= 0);
        var lastEntry = -1;
        foreach (var line in sorted ? lines : [])
        {
            while (pending.Count > 0 && order.Compare(pending.Peek(), entryAt[line]) < 0)
            {
                // Right after the entry before it: a comment above the next entry stays with that entry.
                Place(lastEntry >= 0 ? lastEntry + 1 : line, pending.Dequeue());
            }

            lastEntry = line;
        }

        while (pending.Count > 0)
        {
            Place(sorted && lastEntry >= 0 ? lastEntry + 1 : lineCount, pending.Dequeue());
        }

        return places;
    }
}
