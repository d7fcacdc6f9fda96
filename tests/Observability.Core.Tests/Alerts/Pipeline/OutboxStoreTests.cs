using Observability.Internal;

namespace Observability.Core.Tests.Alerts.Pipeline;

/// <summary>
/// The outbox file as a journal, driven as the outbox drives it (an index of the waiting entries, each change noted and
/// committed): it appends what changed, compacts when the dead records outweigh the live ones, and a restart reads back
/// exactly what waited.
/// </summary>
public sealed class OutboxStoreTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 6, 12, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Directory.CreateTempSubdirectory("obs-journal-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Commit_DeadRecordsOutweighTheLiveOnes_CompactsToExactlyTheWaitingEntriesInOrder()
    {
        var (store, index) = Open();
        var nodes = new List<OutboxIndex.Node>();
        for (var i = 0; i < 300; i += 3)
        {
            for (var j = i; j < i + 3; j++)
            {
                nodes.Add(Add(store, index, j));
            }

            store.Commit(index);
        }

        Assert.Equal(100, OutboxFile.Lines(store.FilePath)); // a line per commit
        var compactedAt = new List<int>();
        foreach (var node in nodes.Where(static n => int.Parse(n.Entry.Alert.Rule[1..], System.Globalization.CultureInfo.InvariantCulture) % 3 != 0))
        {
            Remove(store, index, node);
            store.Commit(index);
            if (store.Records == index.Count)
            {
                compactedAt.Add(index.Count);
                Assert.Equal(index.Count, OutboxFile.Lines(store.FilePath)); // a line per waiting entry, nothing else
                Assert.Equal(index.Select(static e => e.Alert.Rule), OutboxFile.Rules(store.FilePath));
            }
        }

        // 300 waiting: the 101st removal makes 202 dead records (101 entries gone and their 101 numbers) against 199 live
        // ones; then 67 more make 134 against 132. The last 32 stay appended (64 dead, 100 live).
        Assert.Equal([199, 132], compactedAt);
        Assert.Equal(132 + 32, OutboxFile.Lines(store.FilePath));
        var expected = Enumerable.Range(0, 100).Select(static i => $"r{i * 3}").ToArray();
        Assert.Equal(expected, OutboxFile.Rules(store.FilePath));
        Assert.Equal(expected, Reload().Select(static e => e.Alert.Rule));
    }

    [Fact]
    public void Load_AfterThousandsOfAddsAndRemovalsAndRestarts_RestoresExactlyWhatWaited()
    {
        var random = new Random(14);
        var (store, index) = Open();
        var live = new List<OutboxIndex.Node>();
        var next = 0;
        for (var step = 1; step <= 6_000; step++)
        {
            if (live.Count == 0 || random.Next(10) < 6)
            {
                for (var k = random.Next(1, 6); k > 0; k--)
                {
                    live.Add(Add(store, index, next++, group: $"g{random.Next(40)}"));
                }
            }
            else
            {
                for (var k = Math.Min(live.Count, random.Next(1, 4)); k > 0; k--)
                {
                    var at = random.Next(live.Count);
                    Remove(store, index, live[at]);
                    live.RemoveAt(at);
                }
            }

            store.Commit(index);
            if (step % 500 == 0)
            {
                // A restart: a new store and index read the file; the outbox goes on with them (new numbers for the same entries).
                var waited = index.Select(static e => (e.Alert.Rule, e.Group, e.EnqueuedAt, e.DueAt)).ToArray();
                (store, index) = Open();
                Assert.Equal(waited, index.Select(static e => (e.Alert.Rule, e.Group, e.EnqueuedAt, e.DueAt)));
                live = index.Nodes().ToList();
            }
        }

        Assert.True(index.Count > 100, $"{index.Count} waiting: the run should leave a good number waiting");
        Assert.Equal(index.Select(static e => e.Alert.Rule), Reload().Select(static e => e.Alert.Rule));
    }

    [Fact]
    public void Commit_TwentyThousandArrivalsAndDeliveriesWithAHundredWaiting_FileStaysWithinAFewTimesTheWaitingEntries()
    {
        var (store, index) = Open();
        var live = new Queue<OutboxIndex.Node>();
        for (var i = 0; i < 100; i++)
        {
            live.Enqueue(Add(store, index, i));
        }

        store.Commit(index);
        var compacted = new FileInfo(store.FilePath).Length; // just written whole: the size of the 100 entries waiting
        long largest = 0;
        var compactions = 0;
        for (var i = 100; i < 20_100; i++)
        {
            live.Enqueue(Add(store, index, i));
            store.Commit(index);
            Remove(store, index, live.Dequeue());
            store.Commit(index);
            largest = Math.Max(largest, new FileInfo(store.FilePath).Length);
            compactions += store.Records == index.Count ? 1 : 0;
        }

        Assert.Equal(100, index.Count);
        Assert.InRange(compactions, 20_000 / 101, 20_000 / 50); // every 50 or so cycles (101 dead records), not every change
        Assert.InRange(largest, compacted, 3 * compacted);
        Assert.Equal(index.Select(static e => e.Alert.Rule), OutboxFile.Rules(store.FilePath));
    }

    [Fact]
    public void Commit_EveryEntryGone_DeletesTheFileAndStartsAfresh()
    {
        var (store, index) = Open();
        var node = Add(store, index, 0);
        store.Commit(index);
        Assert.True(File.Exists(store.FilePath));

        Remove(store, index, node);
        store.Commit(index);
        Assert.False(File.Exists(store.FilePath));

        Add(store, index, 1);
        store.Commit(index);
        Assert.Equal(["r1"], OutboxFile.Rules(store.FilePath));
        Assert.Equal(1, OutboxFile.Lines(store.FilePath));
    }

    private static OutboxIndex.Node Add(OutboxStore store, OutboxIndex index, int i, string group = "g")
    {
        var node = index.Add(new OutboxEntry(
            new Alert { Rule = $"r{i}", Severity = AlertSeverity.Critical, Title = $"alert {i}", Message = new string('x', 200), Fingerprint = $"fp-{i}", Timestamp = T0 },
            group,
            T0.AddSeconds(i),
            T0.AddSeconds(i + 30)));
        store.Added(node);
        return node;
    }

    private static void Remove(OutboxStore store, OutboxIndex index, OutboxIndex.Node node)
    {
        Assert.True(index.Remove(node));
        store.Removed(node);
    }

    // A store and an index as a restarted outbox has them: the file read, the entries indexed, the file rewritten.
    private (OutboxStore Store, OutboxIndex Index) Open()
    {
        var store = new OutboxStore(_directory, "webhook");
        var index = new OutboxIndex();
        var loaded = store.Load(out var problem, out var rejected, out var torn);
        foreach (var entry in loaded)
        {
            index.Add(entry);
        }

        Assert.Null(problem);
        Assert.Empty(rejected);
        Assert.Equal(0, torn);
        store.Commit(index);
        return (store, index);
    }

    private List<OutboxEntry> Reload() => new OutboxStore(_directory, "webhook").Load(out _, out _, out _);
}
