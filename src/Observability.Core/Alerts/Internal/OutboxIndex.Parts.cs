namespace Observability.Internal;

/// <summary>The parts of the outbox's index: an entry's places, a group's queue, and the two orders of the groups.</summary>
internal sealed partial class OutboxIndex
{
    /// <summary>One waiting entry and its places in the index.</summary>
    internal sealed class Node(OutboxEntry entry, GroupQueue group, long sequence)
    {
        public OutboxEntry Entry { get; } = entry;

        public GroupQueue Group { get; } = group;

        /// <summary>Gets the entry's place in the arrival order.</summary>
        public long Sequence { get; } = sequence;

        internal LinkedListNode<Node>? InArrival { get; set; }

        internal LinkedListNode<Node>? InGroup { get; set; }

        internal LinkedListNode<Node>? InSeverity { get; set; }
    }

    /// <summary>One group's waiting entries, oldest first, and the time they may go.</summary>
    internal sealed class GroupQueue(string key, DateTimeOffset due, long id)
    {
        public string Key { get; } = key;

        public DateTimeOffset Due { get; } = due;

        /// <summary>Gets a number that tells two groups with one due time apart (the sequence of the entry that opened it).</summary>
        public long Id { get; } = id;

        public LinkedList<Node> Nodes { get; } = new();

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

        public int Compare(GroupQueue? x, GroupQueue? y) => x!.Nodes.First!.Value.Sequence.CompareTo(y!.Nodes.First!.Value.Sequence);
    }
}
