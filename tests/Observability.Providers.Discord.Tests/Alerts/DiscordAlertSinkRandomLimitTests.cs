using System.Text;
using System.Text.Json.Nodes;
using Observability.Providers.Discord.Tests.Support;
using static Observability.Providers.Discord.Tests.Support.TestAlerts;

namespace Observability.Providers.Discord.Tests.Alerts;

/// <summary>
/// Seeded random groups (sizes 1 to 35; texts from empty to 20,000 characters with blanks, emoji and markdown; up to
/// 120 labels and 30 links): the enforcing server never answers 400 and every alert arrives exactly once.
/// </summary>
public sealed class DiscordAlertSinkRandomLimitTests
{
    private const string Alphabet = "abcdefghij KLMNOP 0123456789 \n\t*_~`>[]()@#🔴🟡✅é…";

    [Fact]
    public async Task SendAsync_SeededRandomGroups_NeverA400_EveryAlertExactlyOnce()
    {
        await using var server = new DiscordWebhookServer();
        var sink = Sink(server);
        var random = new Random(20261122);
        var sent = 0;

        for (var group = 0; group < 40; group++)
        {
            var alerts = Enumerable.Range(0, random.Next(1, 36)).Select(i => RandomAlert(random, sent + i)).ToList();

            var result = await sink.SendAsync(alerts);

            Assert.True(result.Succeeded, $"group {group}: {result}");
            sent += alerts.Count;
        }

        Assert.Equal(0, server.BadRequests);
        var fingerprints = server.Accepted
            .SelectMany(b => JsonNode.Parse(b)!["embeds"]!.AsArray())
            .Select(e => ((string)e!["footer"]!["text"]!).Split(" · ").Single(p => p.StartsWith("fingerprint ", StringComparison.Ordinal)))
            .ToList();
        Assert.Equal(Enumerable.Range(0, sent).Select(i => $"fingerprint {i:x8}"), fingerprints);
    }

    private static Alert RandomAlert(Random random, int index) => new()
    {
        Rule = Text(random, 300),
        Severity = (AlertSeverity)random.Next(0, 4),
        Title = Text(random, 2000),
        Message = Text(random, 20_000),
        RootCause = random.Next(3) == 0 ? null : Text(random, 3000),
        TraceId = random.Next(2) == 0 ? null : Text(random, 600),
        Source = Text(random, 400),
        Links = Enumerable.Range(0, random.Next(0, 31)).Select(j => new AlertLink(Text(random, 200), new Uri($"https://ci.example.test/{index}/{j}?q={random.Next()}"))).ToList(),
        Labels = Enumerable.Range(0, random.Next(0, 121)).ToDictionary(j => $"{j:000}{Text(random, 400)}", _ => Text(random, 1500)),
        Fingerprint = $"{index:x8}" + new string('0', 56),
        Timestamp = At.AddSeconds(index),
        Status = random.Next(4) == 0 ? AlertStatus.Resolved : AlertStatus.Firing,
        EndsAt = At.AddSeconds(index + 60),
    };

    /// <summary>Mostly short texts, sometimes long ones, from an alphabet with blanks, emoji (surrogate pairs) and markdown.</summary>
    private static string Text(Random random, int max)
    {
        var length = random.Next(4) == 0 ? random.Next(0, max + 1) : random.Next(0, Math.Min(max, 40) + 1);
        var text = new StringBuilder(length);
        while (text.Length < length)
        {
            var at = random.Next(Alphabet.Length);
            text.Append(char.IsSurrogate(Alphabet[at]) ? Alphabet.Substring(char.IsHighSurrogate(Alphabet[at]) ? at : at - 1, 2) : Alphabet[at].ToString());
        }

        return text.ToString();
    }
}
