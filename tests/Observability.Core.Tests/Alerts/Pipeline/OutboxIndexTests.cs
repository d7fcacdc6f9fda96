using Observability.Internal;

namespace Observability.Core.Tests.Alerts.Pipeline;

/// <summary>
/// The outbox's index against the plain list it replaced: random additions, removals, evictions and queries (the
/// clock moving on, now and then back) must give the same answers as scanning a list in arrival order.
/// </summary>
public sealed class OutboxIndexTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 6, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1, 30, 60)]
    [InlineData(2, 30, 60)]
    [InlineData(3, 30, 60)]
    [InlineData(4, 1_000, 3_600)] // many groups, due far apart: left-behind places pile up and the group queues are rebuilt
    public void OutboxIndex_RandomOperations_AnswerAsAScanOfTheArrivalOrder(int seed, int groups, int dueSpreadSeconds)
    {
        var random = new Random(seed);
        var index = new OutboxIndex();
        var list = new List<OutboxIndex.Node>(); // the reference: arrival order, every question a scan
        var now = T0;
        for (var step = 0; step < 20_000; step++)
        {
            now += TimeSpan.FromSeconds(random.Next(0, 10) == 0 ? -random.Next(0, 20) : random.Next(0, 3));
            switch (random.Next(0, 10))
            {
                case < 5:
                    var group = $"g{random.Next(0, groups)}";
                    var due = now + TimeSpan.FromSeconds(random.Next(0, dueSpreadSeconds));
                    var node = index.Add(new OutboxEntry(Raise(step, (AlertSeverity)random.Next(0, 4)), group, now, due));
                    var joined = list.FirstOrDefault(n => n.Entry.Group == group);
                    Assert.Equal(joined?.Entry.DueAt ?? due, node.Entry.DueAt); // a newcomer joins its group's due time
                    list.Add(node);
                    break;
                case < 7 when list.Count > 0:
                    var gone = list[random.Next(0, list.Count)];
                    Assert.True(index.Remove(gone));
                    Assert.False(index.Remove(gone)); // twice: the second is a no-op
                    list.Remove(gone);
                    break;
                case 7 when list.Count > 0:
                    var lowest = list.MinBy(static n => n.Entry.Alert.Severity); // the first of the lowest
                    Assert.Same(lowest, index.OldestOfLowestSeverity);
                    index.Remove(lowest!);
                    list.Remove(lowest!);
                    break;
                default:
                    var ignoreGroupWait = random.Next(0, 4) == 0;
                    var first = list.FirstOrDefault(n => ignoreGroupWait || n.Entry.DueAt <= now);
                    var next = index.NextDue(now, ignoreGroupWait);
                    Assert.Same(first, next);
                    if (next is not null)
                    {
                        var max = random.Next(1, 5);
                        Assert.Equal(list.Where(n => n.Entry.Group == next.Entry.Group).Take(max), index.Batch(next, max));
                    }

                    break;
            }

            Assert.Equal(list.Count, index.Count);
            Assert.Equal(list.Count == 0 ? null : list.Min(static n => n.Entry.DueAt), index.EarliestDue);
            Assert.InRange(index.GroupPlaces, 0, (4 * list.Select(static n => n.Entry.Group).Distinct().Count()) + 64);
        }

        Assert.Equal(list.Select(static n => n.Entry), index); // the file's order
        Assert.Equal(list.Count, index.Clear());
        Assert.Empty(index);
        Assert.Null(index.NextDue(now, ignoreGroupWait: true));
    }

    [Fact]
    public void OutboxIndex_ManyGroupsLeaveBehindAnEarlierOne_TheGroupQueuesStaySmallAndRight()
    {
        var index = new OutboxIndex();
        var kept = index.Add(new OutboxEntry(Raise(0, AlertSeverity.Critical), "kept", T0, T0 + TimeSpan.FromSeconds(30)));
        var gone = Enumerable.Range(1, 1_000)
            .Select(i => index.Add(new OutboxEntry(Raise(i, AlertSeverity.Warning), $"g{i}", T0, T0 + TimeSpan.FromHours(1))))
            .ToList();
        Assert.Same(kept, index.NextDue(T0 + TimeSpan.FromSeconds(30), ignoreGroupWait: false));

        foreach (var node in gone)
        {
            Assert.True(index.Remove(node)); // none of them ever reaches the top of a group queue
        }

        Assert.InRange(index.GroupPlaces, 0, 4 + 64);
        Assert.Equal(T0 + TimeSpan.FromSeconds(30), index.EarliestDue);
        Assert.Same(kept, index.NextDue(T0 + TimeSpan.FromHours(2), ignoreGroupWait: false));
        Assert.True(index.Remove(kept));
        Assert.Null(index.EarliestDue);
        Assert.Null(index.NextDue(T0 + TimeSpan.FromHours(2), ignoreGroupWait: false));
    }

    [Fact]
    public void OutboxIndex_RestoredGroupWithDifferingDueTimes_JoinsTheDueTimeOfItsOldest()
    {
        var index = new OutboxIndex();
        index.Add(new OutboxEntry(Raise(0, AlertSeverity.Critical), "a", T0, T0 + TimeSpan.FromSeconds(30)));
        var later = index.Add(new OutboxEntry(Raise(1, AlertSeverity.Critical), "a", T0, T0 + TimeSpan.FromSeconds(90)));

        Assert.Equal(T0 + TimeSpan.FromSeconds(30), later.Entry.DueAt);
        Assert.Equal(2, index.Batch(index.NextDue(T0 + TimeSpan.FromSeconds(30), ignoreGroupWait: false)!, 10).Length);
    }

    private static Alert Raise(int i, AlertSeverity severity) => new()
    {
        Rule = $"r{i}",
        Severity = severity,
        Title = "t",
        Message = "m",
        Fingerprint = $"f{i}",
        Timestamp = T0,
    };
}
