namespace Observability.Internal;

/// <summary>
/// The index's lists are intrusive: a waiting entry's <see cref="Node"/> carries its own links in each of the three
/// lists it is on (the arrival order, its group's queue, its severity's list), so an entry costs the index one object,
/// and adding or removing one allocates nothing.
/// </summary>
internal sealed partial class OutboxIndex
{
    /// <summary>The three lists a waiting entry is on, each threaded through its own pair of links in the node.</summary>
    internal enum Place
    {
        Arrival,
        Group,
        Severity,
    }

    /// <summary>A node's neighbours on one list.</summary>
    internal struct Link
    {
        public Node? Previous;
        public Node? Next;
    }

    /// <summary>A doubly-linked list of nodes threaded through their links of one <see cref="Place"/>, oldest first.</summary>
    internal class NodeList(Place place)
    {
        public Node? First { get; private set; }

        public Node? Last { get; private set; }

        public int Count { get; private set; }

        public void AddLast(Node node)
        {
            ref var link = ref node.LinkOn(place);
            link.Previous = Last;
            link.Next = null;
            if (Last is null)
            {
                First = node;
            }
            else
            {
                Last.LinkOn(place).Next = node;
            }

            Last = node;
            Count++;
        }

        /// <summary>Takes out a node that is on this list, and forgets its neighbours (a node kept by a caller holds on to no other).</summary>
        public void Remove(Node node)
        {
            ref var link = ref node.LinkOn(place);
            if (link.Previous is null)
            {
                First = link.Next;
            }
            else
            {
                link.Previous.LinkOn(place).Next = link.Next;
            }

            if (link.Next is null)
            {
                Last = link.Previous;
            }
            else
            {
                link.Next.LinkOn(place).Previous = link.Previous;
            }

            link = default;
            Count--;
        }

        /// <summary>Forgets every node without unlinking them one by one (their links are the caller's to clear).</summary>
        public void Clear()
        {
            First = Last = null;
            Count = 0;
        }
    }
}
