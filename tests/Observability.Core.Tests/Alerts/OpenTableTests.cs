using Observability.Internal;

namespace Observability.Core.Tests.Alerts;

/// <summary>The dedupe store's table of fingerprints against a plain dictionary, under random sets, removals and sweeps.</summary>
public sealed class OpenTableTests
{
    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, true)] // keys that differ in one word only, many with the same home: long runs to shift back
    public void RandomOperations_AgreeWithADictionary(int seed, bool structured)
    {
        var random = new Random(seed);
        var table = new OpenTable<Digest, long>();
        var expected = new Dictionary<Digest, long>();
        var keys = Enumerable.Range(0, 3_000).Select(i => structured ? new Digest((ulong)(i % 40) + 1, (ulong)(i / 40)) : Random(random)).ToArray();
        long now = 1_000;

        for (var step = 0; step < 60_000; step++)
        {
            var key = keys[random.Next(keys.Length)];
            switch (random.Next(10))
            {
                case < 5:
                    var expiry = now + random.Next(1, 500);
                    table.Set(key, expiry);
                    expected[key] = expiry;
                    break;
                case < 8:
                    Assert.Equal(expected.Remove(key), table.Remove(key));
                    break;
                case 8:
                    now += random.Next(0, 50);
                    var earliest = RemoveExpired(table, now);
                    foreach (var gone in expected.Where(e => e.Value <= now).Select(static e => e.Key).ToList())
                    {
                        expected.Remove(gone);
                    }

                    Assert.Equal(expected.Count == 0 ? long.MaxValue : expected.Values.Min(), earliest);
                    break;
                default:
                    Assert.Equal(expected.TryGetValue(key, out var held), table.TryGetValue(key, out var found));
                    Assert.Equal(held, found);
                    break;
            }

            Assert.Equal(expected.Count, table.Count);
        }

        foreach (var key in keys)
        {
            Assert.Equal(expected.TryGetValue(key, out var held), table.TryGetValue(key, out var found));
            Assert.Equal(held, found);
        }
    }

    [Fact]
    public void GrowingThroughManyKeys_KeepsEveryOne_AndEmptyingLeavesNothing()
    {
        var table = new OpenTable<Digest, long>();
        var keys = RandomKeys(40_000, seed: 7);
        Fill(table, keys, first: 1);

        Assert.Equal(keys.Length, table.Count);
        Assert.All(Enumerable.Range(0, keys.Length), i => Assert.True(table.TryGetValue(keys[i], out var expiry) && expiry == i + 1));
        Assert.Equal(long.MaxValue, RemoveExpired(table, keys.Length));
        Assert.Equal(0, table.Count);
        Assert.False(table.TryGetValue(keys[0], out _));
    }

    [Fact]
    public void Enumerating_ShowsEachEntryOnce_AndRemoveWhereSeesEachOnce()
    {
        var table = new OpenTable<Digest, long>();
        var keys = RandomKeys(1_000, seed: 11);
        Fill(table, keys, first: 0);

        var seen = new List<(Digest Key, long Value)>();
        foreach (var entry in table)
        {
            seen.Add(entry);
        }

        Assert.Equal(keys.Select((k, i) => (k, (long)i)).OrderBy(static e => e.Item2), seen.OrderBy(static e => e.Value));

        var shown = new List<Digest>();
        var removed = table.RemoveWhere(shown, static (shown, key, value) =>
        {
            shown.Add(key);
            return value % 3 == 0;
        });

        Assert.Equal(keys.Length, shown.Distinct().Count());
        Assert.Equal(keys.Length, shown.Count);
        Assert.Equal(334, removed);
        Assert.Equal(666, table.Count);
        Assert.All(Enumerable.Range(0, keys.Length), i => Assert.Equal(i % 3 != 0, table.TryGetValue(keys[i], out _)));
    }

    [Fact]
    public void ReferenceFreeSlots_LiveInNativeMemory_AndGrowingThemAllocatesAlmostNothingOnTheHeap()
    {
        Assert.True(OpenTable<Digest, long>.InNativeMemory);
        Assert.False(OpenTable<Digest, (long, string)>.InNativeMemory);
        var keys = RandomKeys(40_000, seed: 5);
        var table = new OpenTable<Digest, long>();
        var before = GC.GetAllocatedBytesForCurrentThread();
        Fill(table, keys, first: 1);

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(65_536, table.Capacity); // 1.5 MB of slots, grown through 13 sizes
        Assert.True(allocated < 16 * 1024, $"{allocated} bytes allocated on the heap"); // a small handle object per growth
        Assert.All(Enumerable.Range(0, keys.Length), i => Assert.True(table.TryGetValue(keys[i], out var value) && value == i + 1));

        table.Clear(keepUpTo: 0);
        Assert.Equal(0, table.Count);
        Assert.Equal(0, table.Capacity); // the native room is freed
        Assert.False(table.TryGetValue(keys[0], out _));
    }

    [Fact]
    public void TheEmptyDigest_IsNeverAKey()
    {
        var table = new OpenTable<Digest, long>();
        Assert.Throws<ArgumentException>(() => table.Set(default, 1));
        Assert.False(table.TryGetValue(default, out _));
        Assert.False(table.Remove(default));
        Assert.Equal(0, table.Count);
    }

    // As the dedupe store sweeps: the expired ones out, the earliest expiry of the rest back.
    private static long RemoveExpired(OpenTable<Digest, long> table, long now)
    {
        var earliest = long.MaxValue;
        table.RemoveWhere(now, (now, _, expiry) => expiry <= now || (earliest = Math.Min(earliest, expiry)) < 0);
        return earliest;
    }

    private static Digest[] RandomKeys(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => Random(random)).ToArray();
    }

    // Key i gets the value first + i.
    private static void Fill(OpenTable<Digest, long> table, Digest[] keys, long first)
    {
        for (var i = 0; i < keys.Length; i++)
        {
            table.Set(keys[i], first + i);
        }
    }

    private static Digest Random(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Digest(BitConverter.ToUInt64(bytes[..8]), BitConverter.ToUInt64(bytes[8..]));
    }
}
