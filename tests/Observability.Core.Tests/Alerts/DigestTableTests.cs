using Observability.Internal;

namespace Observability.Core.Tests.Alerts;

/// <summary>The dedupe store's table of fingerprints against a plain dictionary, under random sets, removals and sweeps.</summary>
public sealed class DigestTableTests
{
    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, true)] // keys that differ in one word only, many with the same home: long runs to shift back
    public void RandomOperations_AgreeWithADictionary(int seed, bool structured)
    {
        var random = new Random(seed);
        var table = new DigestTable();
        var expected = new Dictionary<Digest, long>();
        var keys = Enumerable.Range(0, 3_000).Select(i => structured ? new Digest((UInt128)(i % 40), (UInt128)(i / 40)) : Random(random)).ToArray();
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
                    var earliest = table.RemoveExpired(now);
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
        var random = new Random(7);
        var table = new DigestTable();
        var keys = Enumerable.Range(0, 40_000).Select(_ => Random(random)).ToArray();
        for (var i = 0; i < keys.Length; i++)
        {
            table.Set(keys[i], i + 1);
        }

        Assert.Equal(keys.Length, table.Count);
        Assert.All(Enumerable.Range(0, keys.Length), i => Assert.True(table.TryGetValue(keys[i], out var expiry) && expiry == i + 1));
        Assert.Equal(long.MaxValue, table.RemoveExpired(keys.Length));
        Assert.Equal(0, table.Count);
        Assert.False(table.TryGetValue(keys[0], out _));
    }

    private static Digest Random(Random random)
    {
        Span<byte> bytes = stackalloc byte[32];
        random.NextBytes(bytes);
        return new Digest(
            new UInt128(BitConverter.ToUInt64(bytes[..8]), BitConverter.ToUInt64(bytes[8..16])),
            new UInt128(BitConverter.ToUInt64(bytes[16..24]), BitConverter.ToUInt64(bytes[24..])));
    }
}
