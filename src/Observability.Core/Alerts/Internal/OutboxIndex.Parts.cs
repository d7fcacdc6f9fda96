namespace Observability.Internal;

/// <summary>The parts of the outbox's index: an entry's node, a group's queue, and the queues of the groups.</summary>
internal sealed partial class OutboxIndex
{
    /// <summary>One waiting entry and its places in the index (its links on the three lists).</summary>
    internal sealed class Node(OutboxEntry entry, GroupQueue group, long sequence)
    {
        private Link _arrival;
        private Link _inGroup;
        private Link _inSeverity;

        public OutboxEntry Entry { get; } = entry;

        public GroupQueue Group { get; } = group;

        /// <summary>Gets the entry's place in the arrival order.</summary>
        public long Sequence { get; } = sequence;

        /// <summary>Gets or sets a value indicating whether the entry is still in the index (not yet removed, dropped or cleared).</summary>
        internal bool IsQueued { get; set; }

        /// <summary>Gets the node's links on one of its lists.</summary>
        internal ref Link LinkOn(Place place)
        {
            switch (place)
            {
                case Place.Arrival:
                    return ref _arrival;
                case Place.Group:
                    return ref _inGroup;
                default:
                    return ref _inSeverity;
            }
        }

        /// <summary>Forgets the node's neighbours on every list (after a clear, which does not unlink one by one).</summary>
        internal void Unlink()
        {
            _arrival = _inGroup = _inSeverity = default;
            IsQueued = false;
        }
    }

    /// <summary>One group's waiting entries, oldest first (the group is itself the list of its nodes), and the time they may go.</summary>
    internal sealed class GroupQueue(string key, DateTimeOffset due, long id) : NodeList(Place.Group)
    {
        public string Key { get; } = key;

        public DateTimeOffset Due { get; } = due;

        /// <summary>Gets a number that tells two groups with one due time apart (the sequence of the entry that opened it).</summary>
        public long Id { get; } = id;

        /// <summary>Gets the group's place in the order by due time (ties: the group opened first goes first).</summary>
        public (long DueTicks, long Id) ByDue => (Due.UtcTicks, Id);

        /// <summary>Gets or sets a value indicating whether the group is in the due set rather than the pending one.</summary>
        public bool IsDue { get; set; }
    }

    // The group queues (_byDue, _pending, _due) are heaps without removal: a group's place is left behind when the group
    // empties, goes back to pending, or changes its oldest entry, and passed over when it comes to the top. A place is
    // current only while what it was queued for still holds; when left-behind places outnumber the current ones (each
    // group has two), the queues are rebuilt from the groups, so they stay within a constant of the groups waiting and
    // each step stays O(log n), amortised.
    private static bool IsOpen(GroupQueue group, (long DueTicks, long Id) key) => group.Count > 0;

    private static bool IsPending(GroupQueue group, (long DueTicks, long Id) key) => group.Count > 0 && !group.IsDue;

    private static bool IsDueWithHead(GroupQueue group, long head) => group.Count > 0 && group.IsDue && group.First!.Sequence == head;

    // The group at the top of a queue, after passing over (and dropping) the places left behind.
    private static GroupQueue? Top<TKey>(PriorityQueue<GroupQueue, TKey> queue, Func<GroupQueue, TKey, bool> isCurrent)
    {
        while (queue.TryPeek(out var group, out var key))
        {
            if (isCurrent(group, key))
            {
                return group;
            }

            queue.Dequeue();
        }

        return null;
    }

    private void CompactIfMostlyLeftBehind()
    {
        if (_byDue.Count + _pending.Count + _due.Count <= (4 * _groups.Count) + 64)
        {
            return;
        }

        _byDue.Clear();
        _pending.Clear();
        _due.Clear();
        foreach (var group in _groups.Values)
        {
            _byDue.Enqueue(group, group.ByDue);
            if (group.IsDue)
            {
                _due.Enqueue(group, group.First!.Sequence);
            }
            else
            {
                _pending.Enqueue(group, group.ByDue);
            }
        }
    }
}
