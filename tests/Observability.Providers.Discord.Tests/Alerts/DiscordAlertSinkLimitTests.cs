using System.Text.Json.Nodes;
using Observability.Providers.Discord.Tests.Support;
using static Observability.Providers.Discord.Tests.Support.TestAlerts;

namespace Observability.Providers.Discord.Tests.Alerts;

/// <summary>
/// Every documented Discord limit against a loopback server that enforces them (400 on any breach): huge texts are cut
/// with "…", nothing is dropped without a trace, and Discord never answers 400.
/// </summary>
public sealed class DiscordAlertSinkLimitTests
{
    private static readonly Dictionary<string, string> TwoHundredLabels =
        Enumerable.Range(0, 200).ToDictionary(i => $"label_{i:000}", i => $"value_{i:000}");

    [Fact]
    public async Task SendAsync_HundredKilobyteMessage_DescriptionCutTo4096EndingWithEllipsis()
    {
        await using var server = new DiscordWebhookServer();
        var alert = Alert() with { Message = new string('m', 100_000) };

        var result = await Sink(server).SendAsync([alert]);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(0, server.BadRequests);
        var embed = Embeds(server).Single();
        var description = (string)embed["description"]!;
        Assert.Equal(4096, description.Length); // 4,095 'm' + "…"
        Assert.Equal(new string('m', 4095) + "…", description);
    }

    [Fact]
    public async Task SendAsync_DescriptionExactly4096_IsSentWhole_4097_IsCut()
    {
        await using var server = new DiscordWebhookServer();
        var sink = Sink(server);

        await sink.SendAsync([Alert() with { Message = new string('a', 4096) }]);
        await sink.SendAsync([Alert() with { Message = new string('b', 4097) }]);

        var embeds = Embeds(server).ToList();
        Assert.Equal(new string('a', 4096), (string)embeds[0]["description"]!);
        Assert.Equal(new string('b', 4095) + "…", (string)embeds[1]["description"]!);
        Assert.Equal(0, server.BadRequests);
    }

    [Fact]
    public async Task SendAsync_ThousandCharacterTitle_CutTo256()
    {
        await using var server = new DiscordWebhookServer();

        await Sink(server).SendAsync([Alert(title: new string('t', 1000))]);

        var title = (string)Embeds(server).Single()["title"]!;
        // "🔴 [Critical] " is 14 UTF-16 units (the emoji is a surrogate pair), so 256 - 14 - 1 = 241 't' fit before "…".
        Assert.Equal(256, title.Length);
        Assert.Equal("🔴 [Critical] " + new string('t', 241) + "…", title);
    }

    [Fact]
    public async Task SendAsync_RootCauseAtTheFieldLimit_IsWhole_OneMoreIsCut()
    {
        await using var server = new DiscordWebhookServer();
        var sink = Sink(server);

        await sink.SendAsync([Alert() with { RootCause = new string('r', 1024) }]);
        await sink.SendAsync([Alert() with { RootCause = new string('s', 1025) }]);

        var causes = Embeds(server).Select(e => (string)e["fields"]![0]!["value"]!).ToList();
        Assert.Equal(new string('r', 1024), causes[0]);
        Assert.Equal(new string('s', 1023) + "…", causes[1]);
    }

    [Fact]
    public async Task SendAsync_TwoHundredLabels_25FieldsAndTheRestListedInTheLast()
    {
        await using var server = new DiscordWebhookServer();

        var result = await Sink(server).SendAsync([Alert() with { Labels = TwoHundredLabels }]);

        Assert.True(result.Succeeded, result.ToString());
        var fields = Embeds(server).Single()["fields"]!.AsArray();
        // 25 fields: root cause, links, 22 labels, and "+178 more labels" (200 - 22 = 178).
        Assert.Equal(25, fields.Count);
        Assert.Equal("label_000", (string)fields[2]!["name"]!);
        Assert.Equal("label_021", (string)fields[23]!["name"]!);
        Assert.Equal("+178 more labels", (string)fields[24]!["name"]!);
        var rest = (string)fields[24]!["value"]!;
        // 178 lines "label_nnn=value_nnn" (19 characters + newline) are 3,559 characters, cut to 1,024 ending with "…".
        Assert.Equal(1024, rest.Length);
        Assert.StartsWith("label_022=value_022\nlabel_023=value_023\n", rest, StringComparison.Ordinal);
        Assert.EndsWith("…", rest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_StormOfThirtyHugeAlerts_NoBadRequestEveryAlertOnceEveryMessageWithinLimits()
    {
        await using var server = new DiscordWebhookServer();
        var alerts = Enumerable.Range(0, 30).Select(i => Alert(title: $"#{i:00} " + new string('t', 1000)) with
        {
            Message = new string('m', 100_000),
            RootCause = new string('r', 5000),
            Labels = TwoHundredLabels,
            Links = Enumerable.Range(0, 60).Select(j => new AlertLink($"link {j}", new Uri($"https://ci.example.test/runs/{i}/{j}"))).ToList(),
            Fingerprint = $"{i:00}" + new string('f', 62),
        }).ToList();

        var result = await Sink(server).SendAsync(alerts);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(30, result.AlertCount);
        Assert.Equal(0, server.BadRequests);
        // In a group of 30 each embed gets max(2,000, 6,000 / 10) = 2,000 characters: 3 to a message, 10 messages.
        Assert.Equal(10, server.Accepted.Count);
        foreach (var body in server.Accepted)
        {
            var embeds = JsonNode.Parse(body)!["embeds"]!.AsArray();
            Assert.InRange(embeds.Count, 1, 10);
            var total = embeds.Sum(e => Length(e!));
            Assert.InRange(total, 1, 6000);
            Assert.All(embeds, e => Assert.InRange(Length(e!), 1, 2000));
            Assert.All(embeds, e => Assert.EndsWith("…", (string)e!["description"]!, StringComparison.Ordinal));
        }

        var footers = server.Accepted.SelectMany(b => JsonNode.Parse(b)!["embeds"]!.AsArray()).Select(e => (string)e!["footer"]!["text"]!).ToList();
        Assert.Equal(Enumerable.Range(0, 30).Select(i => $"fingerprint {i:00}ffffff"), footers.Select(f => f.Split(" · ")[2]));
    }

    [Fact]
    public async Task SendAsync_ManyLinks_WholeLinksKeptAndTheRestCounted()
    {
        await using var server = new DiscordWebhookServer();
        var links = Enumerable.Range(0, 40).Select(j => new AlertLink($"run {j:00}", new Uri($"https://ci.example.test/runs/{j:00}"))).ToList();

        await Sink(server).SendAsync([Alert() with { Links = links }]);

        var value = (string)Embeds(server).Single()["fields"]![1]!["value"]!;
        // Each link "[run nn](https://ci.example.test/runs/nn)" is 41 characters, joined by newlines: 24 links are
        // 24 * 42 - 1 = 1,007, plus the 13 of "\n… (+16 more)" = 1,020 <= 1,024; 25 would be 1,049 + 13.
        Assert.Equal(1020, value.Length);
        Assert.EndsWith("[run 23](https://ci.example.test/runs/23)\n… (+16 more)", value, StringComparison.Ordinal);
    }

    private static IEnumerable<JsonNode> Embeds(DiscordWebhookServer server)
        => server.Requests.SelectMany(r => JsonNode.Parse(r.Body)!["embeds"]!.AsArray()).Select(e => e!);

    /// <summary>What Discord counts toward the 6,000: title, description, field names and values, footer text (trimmed).</summary>
    private static int Length(JsonNode embed)
        => Text(embed["title"]) + Text(embed["description"]) + Text(embed["footer"]?["text"])
            + (embed["fields"]?.AsArray().Sum(f => Text(f!["name"]) + Text(f!["value"])) ?? 0);

    private static int Text(JsonNode? node) => node is null ? 0 : ((string)node!).Trim().Length;
}
