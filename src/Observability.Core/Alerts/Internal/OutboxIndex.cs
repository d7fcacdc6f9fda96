using System.Collections;

namespace Observability.Internal;

/// <summary>
/// One outbox's waiting entries, kept so that every decision about one alert is O(1) or O(log n) however many wait:
/// the arrival order (what the outbox file lists, oldest first), each group's queue and due time (all the entries of a
/// group share it: a newcomer joins its group), the groups that are due ordered by their oldest entry (the next send),
/// and each severity's entries in arrival order (what a full outbox drops first). Each entry is one node linked into
/// three intrusive lists, so a waiting entry costs one object. Not thread-safe: the outbox calls it under its lock.
/// </summary>
internal sealed partial class OutboxIndex : IReadOnlyCollection<OutboxEntry>
{
    private readonly NodeList _arrival = new(Place.Arrival);
    private readonly Dictionary<string, GroupQueue> _groups = new(StringComparer.Ordinal);
    private readonly PriorityQueue<GroupQueue, (long DueTicks, long Id)> _byDue = new(); // every group
    private readonly PriorityQueue<GroupQueue, (long DueTicks, long Id)> _pending = new(); // the groups not due as of _dueAsOf
    private readonly PriorityQueue<GroupQueue, long> _due = new(); // the others, by their oldest entry's sequence
    private readonly SortedList<AlertSeverity, NodeList> _bySeverity = [];
    private DateTimeOffset _dueAsOf = DateTimeOffset.MinValue;
    private long _sequence;

    public int Count => _arrival.Count;

    /// <summary>Gets how many places the group queues hold, left-behind ones included (for the tests: at most four per group, plus a few).</summary>
    internal int GroupPlaces => _byDue.Count + _pending.Count + _due.Count;

    /// <summary>Gets the earliest due time of any group, or <see langword="null"/> when nothing waits.</summary>
    public DateTimeOffset? EarliestDue => Top(_byDue, IsOpen)?.Due;

    /// <summary>Gets the oldest entry of the lowest severity (what a full outbox drops first), or <see langword="null"/> when nothing waits.</summary>
    public Node? OldestOfLowestSeverity => _bySeverity.Count == 0 ? null : _bySeverity.GetValueAtIndex(0).First!;

    /// <summary>Gets the due time of the group's waiting entries, or <see langword="null"/> when none of the group waits.</summary>
    public DateTimeOffset? DueOf(string group) => _groups.TryGetValue(group, out var queue) ? queue.Due : null;

    /// <summary>Adds an entry at the end of the arrival order; one that joins a waiting group takes the group's due time.</summary>
    public Node Add(OutboxEntry entry)
    {
        if (!_groups.TryGetValue(entry.Group, out var group))
        {
            group = new GroupQueue(entry.Group, entry.DueAt, _sequence);
            _groups.Add(group.Key, group);
            _byDue.Enqueue(group, group.ByDue);
            _pending.Enqueue(group, group.ByDue);
        }
        else if (entry.DueAt != group.Due)
        {
            entry = entry with { DueAt = group.Due };
        }

        var node = new Node(entry, group, _sequence++) { IsQueued = true };
        _arrival.AddLast(node);
        group.AddLast(node); // behind its group's oldest: the group keeps its place
        if (!_bySeverity.TryGetValue(entry.Alert.Severity, out var severity))
        {
            severity = new NodeList(Place.Severity);
            _bySeverity.Add(entry.Alert.Severity, severity);
        }

        severity.AddLast(node);
        return node;
    }

    /// <summary>
    /// Gets the oldest entry of the group that goes next: among the groups due at <paramref name="now"/> (any group when
    /// <paramref name="ignoreGroupWait"/>), the one whose oldest entry arrived first; <see langword="null"/> when none is due.
    /// </summary>
    public Node? NextDue(DateTimeOffset now, bool ignoreGroupWait)
    {
        if (_arrival.Count == 0)
        {
            return null;
        }

        if (ignoreGroupWait)
        {
            return _arrival.First!.Group.First!;
        }

        UpdateDue(now);
        return Top(_due, IsDueWithHead)?.First;
    }

    /// <summary>Gets the first <paramref name="max"/> entries of <paramref name="first"/>'s group, oldest first.</summary>
    public Node[] Batch(Node first, int max)
    {
        var batch = new Node[Math.Min(max, first.Group.Count)];
        var node = first.Group.First;
        for (var i = 0; i < batch.Length; i++)
        {
            batch[i] = node!;
            node = node!.LinkOn(Place.Group).Next;
        }

        return batch;
    }

    /// <summary>Takes an entry out; <see langword="false"/> when it was already out (dropped to make room, or cleared).</summary>
    public bool Remove(Node node)
    {
        if (!node.IsQueued)
        {
            return false;
        }

        var group = node.Group;
        var leavesHead = group.First == node;
        _arrival.Remove(node);
        group.Remove(node);
        var severity = _bySeverity[node.Entry.Alert.Severity];
        severity.Remove(node);
        if (severity.Count == 0)
        {
            _bySeverity.Remove(node.Entry.Alert.Severity);
        }

        node.IsQueued = false;
        if (group.Count == 0)
        {
            _groups.Remove(group.Key); // its places in the group queues are left behind, to be passed over
            CompactIfMostlyLeftBehind();
        }
        else if (leavesHead && group.IsDue)
        {
            _due.Enqueue(group, group.First!.Sequence); // its place among the due groups is its new oldest entry's
            CompactIfMostlyLeftBehind();
        }

        return true;
    }

    /// <summary>Takes every entry out; returns how many there were.</summary>
    public int Clear()
    {
        var count = _arrival.Count;
        for (var node = _arrival.First; node is not null;)
        {
            var next = node.LinkOn(Place.Arrival).Next;
            node.Unlink(); // a node a batch still holds is out, and holds on to no other
            node = next;
        }

        foreach (var group in _groups.Values)
        {
            group.Clear();
        }

        _arrival.Clear();
        _groups.Clear();
        _byDue.Clear();
        _pending.Clear();
        _due.Clear();
        _bySeverity.Clear();
        return count;
    }

    /// <summary>Enumerates the entries in arrival order, oldest first (the outbox file's order).</summary>
    public IEnumerator<OutboxEntry> GetEnumerator()
    {
        for (var node = _arrival.First; node is not null; node = node.LinkOn(Place.Arrival).Next)
        {
            yield return node.Entry;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Enumerates the nodes in arrival order, oldest first (what the outbox file keeps, with their sequence numbers).</summary>
    public IEnumerable<Node> Nodes()
    {
        for (var node = _arrival.First; node is not null; node = node.LinkOn(Place.Arrival).Next)
        {
            yield return node;
        }
    }

    // Moves the groups that became due by now into the due set (and back, should the clock have gone backwards).
    private void UpdateDue(DateTimeOffset now)
    {
        if (now < _dueAsOf)
        {
            var stillDue = new List<(GroupQueue, long)>();
            foreach (var (group, head) in _due.UnorderedItems)
            {
                if (!IsDueWithHead(group, head))
                {
                    continue; // left behind: dropped here
                }

                if (group.Due > now)
                {
                    group.IsDue = false;
                    _pending.Enqueue(group, group.ByDue);
                }
                else
                {
                    stillDue.Add((group, head));
                }
            }

            // Rebuilt without the groups that went back, so that one coming back with the same oldest entry finds no old place still current.
            _due.Clear();
            _due.EnqueueRange(stillDue);
        }

        while (Top(_pending, IsPending) is { } group && group.Due <= now)
        {
            _pending.Dequeue();
            group.IsDue = true;
            _due.Enqueue(group, group.First!.Sequence);
        }

        _dueAsOf = now;
    }
}
