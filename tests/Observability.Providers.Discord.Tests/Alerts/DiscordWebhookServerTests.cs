using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Observability.Providers.Discord.Tests.Support;

namespace Observability.Providers.Discord.Tests.Alerts;

/// <summary>
/// The loopback webhook really enforces Discord's limits (otherwise the limit tests would prove nothing): exactly at a
/// limit it answers 200, one character over it answers 400 with Discord's 50035 body.
/// </summary>
public sealed class DiscordWebhookServerTests
{
    [Fact]
    public async Task DocumentedRequestExample_IsAccepted()
    {
        await using var server = new DiscordWebhookServer();

        var (status, _) = await PostAsync(server, DiscordFixtures.Read(DiscordFixtures.RequestExample));

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task ElevenEmbeds_400WithTheObservedDiscordBody()
    {
        await using var server = new DiscordWebhookServer();
        var embeds = new JsonArray(Enumerable.Range(0, 11).Select(i => (JsonNode)new JsonObject { ["title"] = $"t{i}" }).ToArray());

        var (status, body) = await PostAsync(server, new JsonObject { ["embeds"] = embeds }.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(DiscordFixtures.Read(DiscordFixtures.TooManyEmbeds), body);
    }

    [Theory]
    [InlineData("title", 256)]
    [InlineData("description", 4096)]
    public async Task TextAtItsLimit_200_OneMore_400(string property, int limit)
    {
        await using var server = new DiscordWebhookServer();

        var (atLimit, _) = await PostAsync(server, Embed(new JsonObject { [property] = new string('x', limit) }));
        var (over, body) = await PostAsync(server, Embed(new JsonObject { [property] = new string('x', limit + 1) }));

        Assert.Equal(HttpStatusCode.OK, atLimit);
        Assert.Equal(HttpStatusCode.BadRequest, over);
        var error = JsonNode.Parse(body)!;
        Assert.Equal(50035, (int)error["code"]!);
        Assert.Equal($"Must be {limit} or fewer in length.", (string)error["errors"]!["embeds"]!["0"]![property]!["_errors"]![0]!["message"]!);
    }

    [Fact]
    public async Task SixThousandOverAllEmbeds_200_6001_400()
    {
        await using var server = new DiscordWebhookServer();
        // Two embeds of 4,096 + 1,904 = 6,000 characters; then one more character.
        string Two(int second) => new JsonObject
        {
            ["embeds"] = new JsonArray(new JsonObject { ["description"] = new string('a', 4096) }, new JsonObject { ["description"] = new string('b', second) }),
        }.ToJsonString();

        var (atLimit, _) = await PostAsync(server, Two(1904));
        var (over, body) = await PostAsync(server, Two(1905));

        Assert.Equal(HttpStatusCode.OK, atLimit);
        Assert.Equal(HttpStatusCode.BadRequest, over);
        Assert.Equal("Embed size exceeds maximum size of 6000", (string)JsonNode.Parse(body)!["errors"]!["embeds"]!["_errors"]![0]!["message"]!);
    }

    [Fact]
    public async Task TwentySixFieldsOrAnEmptyValue_400()
    {
        await using var server = new DiscordWebhookServer();
        var many = new JsonArray(Enumerable.Range(0, 26).Select(i => (JsonNode)new JsonObject { ["name"] = $"n{i}", ["value"] = "v" }).ToArray());
        var empty = new JsonArray(new JsonObject { ["name"] = "n", ["value"] = " " });

        var (tooMany, _) = await PostAsync(server, Embed(new JsonObject { ["title"] = "t", ["fields"] = many }));
        var (blank, body) = await PostAsync(server, Embed(new JsonObject { ["title"] = "t", ["fields"] = empty }));

        Assert.Equal(HttpStatusCode.BadRequest, tooMany);
        Assert.Equal(HttpStatusCode.BadRequest, blank);
        Assert.Equal("BASE_TYPE_REQUIRED", (string)JsonNode.Parse(body)!["errors"]!["embeds"]!["0"]!["fields"]!["0"]!["value"]!["_errors"]![0]!["code"]!);
        Assert.Equal(2, server.BadRequests);
    }

    private static string Embed(JsonObject embed) => new JsonObject { ["embeds"] = new JsonArray(embed) }.ToJsonString();

    private static async Task<(HttpStatusCode Status, string Body)> PostAsync(DiscordWebhookServer server, string json)
    {
        using var http = new HttpClient();
        var url = new Uri($"http://127.0.0.1:{server.Port}/api/v10/webhooks/{DiscordWebhookServer.WebhookId}/{DiscordWebhookServer.Token}?wait=true");
        using var response = await http.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
