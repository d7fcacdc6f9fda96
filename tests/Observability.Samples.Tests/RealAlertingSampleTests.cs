using System.Net.Http.Json;
using System.Text.Json;
using Observability.Tests.Alertmanager;
using Observability.Tests.Redis;

namespace Observability.Samples.Tests;

/// <summary>
/// The main sample with <c>OBS_ALERTMANAGER_URL</c> and <c>OBS_REDIS</c> pointing at a real Alertmanager
/// and a real Redis: its alerts reach Alertmanager, and a second run within the window, sharing the
/// Redis, sends nothing new.
/// </summary>
public sealed class RealAlertingSampleTests
{
    [Fact]
    public async Task Run_TwiceWithSharedRedis_AlertsReachAlertmanagerOnce()
    {
        await using var alertmanager = await AlertmanagerServer.StartAsync();
        await using var redis = await RedisServer.StartAsync();
        var environment = new Dictionary<string, string?>
        {
            ["OBS_ALERTMANAGER_URL"] = alertmanager.Address.ToString(),
            ["OBS_REDIS"] = redis.Endpoint,
        };

        using var first = await SampleRun.StartAsync(environment: environment);
        Assert.True(first.Outcome.ExitCode == 0, first.Outcome.ToString());
        var firstLine = LastLine(first.Outcome.Stdout);
        var sent = int.Parse(firstLine[(firstLine.LastIndexOf('=') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var received = await ActiveAlertsAsync(alertmanager.Address);

        using var second = await SampleRun.StartAsync(environment: environment);
        Assert.True(second.Outcome.ExitCode == 0, second.Outcome.ToString());
        var afterSecond = await ActiveAlertsAsync(alertmanager.Address);

        Assert.StartsWith("verdict=rollback ", firstLine, StringComparison.Ordinal);
        Assert.True(sent > 0, firstLine);
        Assert.Contains("note: alerts go to Alertmanager (OBS_ALERTMANAGER_URL)", first.Outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains("note: alert fingerprints are shared through Redis (OBS_REDIS)", first.Outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains("Sink alertmanager accepted", first.Outcome.Stderr, StringComparison.Ordinal);
        Assert.Equal(sent, received.Count); // every alert of warning and above, each once, with its fingerprint label
        Assert.Equal(sent, received.Select(static a => a.GetProperty("labels").GetProperty("fingerprint").GetString()).Distinct().Count());
        Assert.Contains(received, a => a.GetProperty("labels").GetProperty("alertname").GetString() == "error_rate_critical");

        Assert.EndsWith(" alerts=0", LastLine(second.Outcome.Stdout), StringComparison.Ordinal); // nothing new
        Assert.DoesNotContain("Sink alertmanager accepted", second.Outcome.Stderr, StringComparison.Ordinal);
        Assert.Equal(received.Count, afterSecond.Count);
    }

    private static string LastLine(string stdout) => stdout.TrimEnd().Split('\n')[^1].Trim();

    private static async Task<List<JsonElement>> ActiveAlertsAsync(Uri alertmanager)
    {
        using var client = new HttpClient { BaseAddress = alertmanager };
        var alerts = await client.GetFromJsonAsync<JsonElement[]>("api/v2/alerts?active=true&silenced=false&inhibited=false");
        return alerts!.ToList();
    }
}
