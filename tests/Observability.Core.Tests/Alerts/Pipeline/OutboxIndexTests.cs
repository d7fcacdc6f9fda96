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
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void OutboxIndex_RandomOperations_AnswerAsAScanOfTheArrivalOrder(int seed)
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
                    var group = $"g{random.Next(0, 30)}";
                    var due = now + TimeSpan.FromSeconds(random.Next(0, 60));
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
        }

        Assert.Equal(list.Select(static n => n.Entry), index); // the file's order
        Assert.Equal(list.Count, index.Clear());
        Assert.Empty(index);
        Assert.Null(index.NextDue(now, ignoreGroupWait: true));
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
