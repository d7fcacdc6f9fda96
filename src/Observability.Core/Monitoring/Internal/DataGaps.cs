namespace Observability.Internal;

/// <summary>Finds runs of consecutive unusable snapshots.</summary>
internal static class DataGaps
{
    public static IReadOnlyList<DataGap> Find(IReadOnlyList<SnapshotFacts> facts, int persistentAfter)
    {
        var gaps = new List<DataGap>();
        var start = -1;
        for (var i = 0; i <= facts.Count; i++)
        {
            var unusable = i < facts.Count && !facts[i].Usable;
            if (unusable && start < 0)
            {
                start = i;
            }
            else if (!unusable && start >= 0)
            {
                var length = i - start;
                gaps.Add(new DataGap(facts[start].Timestamp, facts[i - 1].Timestamp, length, facts[start].Classification.Category, length >= persistentAfter));
                start = -1;
            }
        }

        return gaps;
    }
}
