using System.Text.Json;
using System.Text.Json.Nodes;
using Observability.Providers.Discord.Tests.Support;
using static Observability.Providers.Discord.Tests.Support.TestAlerts;

namespace Observability.Providers.Discord.Tests.Alerts;

/// <summary>The exact messages the loopback webhook receives.</summary>
public sealed class DiscordAlertSinkPayloadTests
{
    [Fact]
    public async Task SendAsync_OneAlert_PostsExactlyOneEmbedWithEveryPart()
    {
        await using var server = new DiscordWebhookServer();

        var result = await Sink(server).SendAsync([Alert()]);

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        Assert.Equal(1, result.AlertCount);
        Assert.Equal(200, result.StatusCode);
        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        // The UI's unversioned URL is sent to /api/v10/ (unversioned means the deprecated v6), with wait=true for a 200 + message.
        Assert.Equal($"/api/v10/webhooks/{DiscordWebhookServer.WebhookId}/{DiscordWebhookServer.Token}", request.Path);
        Assert.Equal("wait=true", request.Query);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
        var expected = JsonNode.Parse("""
            {
              "embeds": [{
                "title": "🔴 [Critical] Error rate 7.5% above 5%",
                "description": "error rate 7.5% over 120 jobs (threshold 5%)",
                "url": "https://ci.example.test/runs/42",
                "color": 15548997,
                "timestamp": "2026-11-22T10:00:00.000Z",
                "fields": [
                  { "name": "Root cause", "value": "payments-api answers 503", "inline": false },
                  { "name": "Links", "value": "[CI run](https://ci.example.test/runs/42)\n[Runbook](https://wiki.example.test/runbooks/error-rate)", "inline": false },
                  { "name": "environment", "value": "prod", "inline": true },
                  { "name": "service", "value": "checkout", "inline": true }
                ],
                "footer": { "text": "release-health · rule error_rate · fingerprint 01234567 · trace 4bf92f3577b34da6a3ce929d0e0e4736" }
              }],
              "allowed_mentions": { "parse": [] }
            }
            """);
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(request.Body)), request.Body);
    }

    [Theory]
    [InlineData(AlertSeverity.Critical, 0xED4245, 15548997, "🔴")] // red
    [InlineData(AlertSeverity.Error, 0xE67E22, 15105570, "🟠")] // orange
    [InlineData(AlertSeverity.Warning, 0xFEE75C, 16705372, "🟡")] // yellow
    [InlineData(AlertSeverity.Info, 0x3498DB, 3447003, "🔵")] // blue
    public async Task SendAsync_EachSeverity_HasItsColourAndEmoji(AlertSeverity severity, int hex, int color, string emoji)
    {
        await using var server = new DiscordWebhookServer();

        await Sink(server).SendAsync([Alert(severity)]);

        Assert.Equal(hex, color);
        using var body = Assert.Single(server.Requests).Json();
        var embed = body.RootElement.GetProperty("embeds")[0];
        Assert.Equal(color, embed.GetProperty("color").GetInt32());
        Assert.Equal($"{emoji} [{severity}] Error rate 7.5% above 5%", embed.GetProperty("title").GetString());
    }

    [Fact]
    public async Task SendAsync_ResolvedAlert_IsGreenMarkedResolvedAndStampedWithItsEnd()
    {
        await using var server = new DiscordWebhookServer();
        var resolved = Alert() with { Status = AlertStatus.Resolved, EndsAt = At.AddMinutes(5) };

        await Sink(server).SendAsync([resolved]);

        using var body = Assert.Single(server.Requests).Json();
        var embed = body.RootElement.GetProperty("embeds")[0];
        Assert.Equal(0x57F287, embed.GetProperty("color").GetInt32()); // 5763719, green
        Assert.Equal("✅ [Resolved · Critical] Error rate 7.5% above 5%", embed.GetProperty("title").GetString());
        Assert.Equal("2026-11-22T10:05:00.000Z", embed.GetProperty("timestamp").GetString());
        var fields = embed.GetProperty("fields").EnumerateArray().Select(f => (f.GetProperty("name").GetString(), f.GetProperty("value").GetString())).ToList();
        Assert.Equal(("Resolved at", "2026-11-22T10:05:00.000Z"), fields[2]);
    }

    [Fact]
    public async Task SendAsync_UsernameAvatarAndThread_AreSent()
    {
        await using var server = new DiscordWebhookServer();
        var sink = Sink(server, o =>
        {
            o.Username = "release-health";
            o.AvatarUrl = new Uri("https://cdn.example.test/bot.png");
            o.ThreadId = 1234567890123456789;
        });

        await sink.SendAsync([Alert()]);

        var request = Assert.Single(server.Requests);
        Assert.Equal("wait=true&thread_id=1234567890123456789", request.Query);
        using var body = request.Json();
        Assert.Equal("release-health", body.RootElement.GetProperty("username").GetString());
        Assert.Equal("https://cdn.example.test/bot.png", body.RootElement.GetProperty("avatar_url").GetString());
    }

    [Fact]
    public async Task SendAsync_MentionsInAlertText_CannotPing()
    {
        await using var server = new DiscordWebhookServer();
        var alert = Alert() with { Title = "@everyone checkout is down", Message = "<@&123456> <@!42> @here" };

        await Sink(server).SendAsync([alert]);

        using var body = Assert.Single(server.Requests).Json();
        var parse = body.RootElement.GetProperty("allowed_mentions").GetProperty("parse");
        Assert.Equal(JsonValueKind.Array, parse.ValueKind);
        Assert.Equal(0, parse.GetArrayLength());
        Assert.False(body.RootElement.TryGetProperty("content", out _)); // a single message has no content line to ping from
    }

    [Fact]
    public async Task SendAsync_LinksAndLabelsNeedingCare_StayValidMarkdownAndNonEmpty()
    {
        await using var server = new DiscordWebhookServer();
        var alert = Alert() with
        {
            Links = [new AlertLink("run [7]", new Uri("https://ci.example.test/a_(b)")), new AlertLink("ticket", new Uri("mailto:oncall@example.test"))],
            Labels = new Dictionary<string, string> { ["empty"] = "  ", ["zone"] = "eu-west-1" },
            Fingerprint = null,
            TraceId = null,
        };

        await Sink(server).SendAsync([alert]);

        using var body = Assert.Single(server.Requests).Json();
        var embed = body.RootElement.GetProperty("embeds")[0];
        var fields = embed.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("value").GetString());
        // '[' and ']' in a title are escaped, '(' and ')' in a URL percent-encoded; a mailto link is plain text.
        Assert.Equal("[run \\[7\\]](https://ci.example.test/a_%28b%29)\nticket: mailto:oncall@example.test", fields["Links"]);
        Assert.Equal("(empty)", fields["empty"]); // Discord refuses an empty field value
        Assert.Equal("release-health · rule error_rate", embed.GetProperty("footer").GetProperty("text").GetString());
    }

    [Fact]
    public async Task SendAsync_ThirtyAlerts_ThreeMessagesInOrderEachWithMentionsDisabled()
    {
        await using var server = new DiscordWebhookServer();
        var alerts = Enumerable.Range(1, 30).Select(i => Alert(title: $"alert {i:00}")).ToList();

        var result = await Sink(server).SendAsync(alerts);

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        Assert.Equal(30, result.AlertCount);
        var bodies = server.Requests.Select(r => JsonNode.Parse(r.Body)!).ToList();
        Assert.Equal(3, bodies.Count); // 30 small alerts / 10 embeds per message
        Assert.Equal(
            ["Alerts 1–10 of 30 (message 1 of 3)", "Alerts 11–20 of 30 (message 2 of 3)", "Alerts 21–30 of 30 (message 3 of 3)"],
            bodies.Select(b => (string?)b["content"]));
        Assert.All(bodies, b => Assert.Empty(b["allowed_mentions"]!["parse"]!.AsArray()));
        var titles = bodies.SelectMany(b => b["embeds"]!.AsArray()).Select(e => (string)e!["title"]!).ToList();
        Assert.Equal(alerts.Select(a => $"🔴 [Critical] {a.Title}"), titles);
    }
}
