namespace Observability.Internal;

/// <summary>The parts of the outbox's index: an entry's node, a group's queue, and the two orders of the groups.</summary>
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

        /// <summary>Gets or sets a value indicating whether the group is in the due set rather than the pending one.</summary>
        public bool IsDue { get; set; }
    }

    private sealed class DueOrder : IComparer<GroupQueue>
    {
        public static readonly DueOrder Instance = new();

        public int Compare(GroupQueue? x, GroupQueue? y)
        {
            var byDue = x!.Due.CompareTo(y!.Due);
            return byDue != 0 ? byDue : x.Id.CompareTo(y.Id);
        }
    }

    // A group's oldest entry is its head; sequences are unique, so this is a total order of the non-empty groups.
    private sealed class OldestFirst : IComparer<GroupQueue>
    {
        public static readonly OldestFirst Instance = new();

        public int Compare(GroupQueue? x, GroupQueue? y) => x!.First!.Sequence.CompareTo(y!.First!.Sequence);
    }
}
