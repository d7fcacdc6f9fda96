using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Observability.Eval.Storm;
using Observability.Tests.Alertmanager;
using Observability.Tests.Http;

namespace Observability.Eval.Tests;

public sealed partial class StormCommandTests
{
    [Theory]
    [InlineData("http://192.0.2.10:9093", "192.0.2.10:9093")]
    [InlineData("http://user:hunter2@192.0.2.10:9093/", "192.0.2.10:9093")]
    [InlineData("https://[2001:db8::1]:9093", "[2001:db8::1]:9093")]
    public void Run_NonLoopbackAlertmanager_ExitsTwoNamingOnlyHostAndPort(string url, string hostAndPort)
    {
        var (code, output, error) = Run("storm", "--alertmanager", url, "--sizes", "200", "--runs", "1");

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains($"--alertmanager must be a loopback address (127.0.0.1, [::1] or localhost), not {hostAndPort}", error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--sizes", "0", "'0' is not a whole number from 1 to 1,000,000")]
    [InlineData("--sizes", "1000,abc", "'abc' is not a whole number")]
    [InlineData("--sizes", "1000,,2000", "'' is not a whole number")]
    [InlineData("--sizes", "-5", "'-5' is not a whole number")]
    [InlineData("--sizes", "2000000", "'2000000' is not a whole number from 1 to 1,000,000")]
    [InlineData("--sizes", "1000,1000", "--sizes: 1000 is given twice")]
    [InlineData("--runs", "0", "--runs: '0' is not a whole number from 1 to 101")]
    [InlineData("--runs", "three", "--runs: 'three' is not a whole number")]
    [InlineData("--alertmanager", "127.0.0.1:9093", "--alertmanager must be an absolute http:// or https:// address")]
    [InlineData("--alertmanager", "ftp://127.0.0.1/", "--alertmanager must be an absolute http:// or https:// address")]
    [InlineData("--color", "red", "unknown argument '--color'")]
    public void Run_BadArgument_ExitsTwoNamingIt(string option, string value, string expected)
    {
        var args = new List<string> { "storm", "--alertmanager", "http://127.0.0.1:9", "--sizes", "200", "--runs", "1" };
        var at = args.IndexOf(option);
        if (at < 0)
        {
            args.AddRange([option, value]);
        }
        else
        {
            args[at + 1] = value;
        }

        var (code, output, error) = Run([.. args]);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Contains("usage:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WithoutAlertmanagerOrItsValue_ExitsTwo()
    {
        var missing = Run("storm", "--sizes", "200");
        Assert.Equal(2, missing.Code);
        Assert.Contains("--alertmanager <url> is required", missing.Error, StringComparison.Ordinal);

        var noValue = Run("storm", "--alertmanager");
        Assert.Equal(2, noValue.Code);
        Assert.Contains("the option '--alertmanager' needs a value", noValue.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_NobodyListening_ExitsOneNamingHostAndPortWithoutAStackTrace()
    {
        var port = ClosedPort();

        var (code, output, error) = Run("storm", "--alertmanager", $"http://127.0.0.1:{port}", "--sizes", "200", "--runs", "1");

        AssertFailed(code, output, error, $"error: Alertmanager at 127.0.0.1:{port} is unreachable (GET /api/v2/status: connection refused");
    }

    [Fact]
    public async Task Run_AlertmanagerRefusingThePosts_ExitsOneWithTheStatus()
    {
        // Answers the status probe, then refuses the alerts as an overloaded Alertmanager would.
        await using var server = new HttpListenerLoopbackServer(request => Task.FromResult<HttpListenerAnswer?>(
            request.HttpMethod == "GET" ? new HttpListenerAnswer(200, "{}"u8.ToArray()) : new HttpListenerAnswer(503, "busy"u8.ToArray())));

        var (code, output, error) = await Task.Run(() => Run("storm", "--alertmanager", server.BaseAddress.ToString(), "--sizes", "200", "--runs", "1"));

        AssertFailed(code, output, error, $"error: Alertmanager at 127.0.0.1:{server.Port} answered POST /api/v2/alerts with HTTP 503");
    }

    [Fact]
    public async Task Run_RealAlertmanager_PrintsALinePerSizeAndKindAndAlertmanagerHoldsEveryAlert()
    {
        await using var alertmanager = await AlertmanagerServer.StartAsync();

        var (code, output, error) = await Task.Run(() => Run("storm", "--alertmanager", alertmanager.Address.ToString(), "--sizes", "200,400", "--runs", "1"));

        Assert.True(code == 0, error);
        var lines = output.TrimEnd().Split('\n').Select(line => line.TrimEnd('\r')).ToArray();
        Assert.Equal(5, lines.Length);
        Assert.Matches(ResultLine("storm", 200), lines[0]);
        Assert.Matches(ResultLine("repeats", 200), lines[1]);
        Assert.Matches(ResultLine("storm", 400), lines[2]);
        Assert.Matches(ResultLine("repeats", 400), lines[3]);
        Assert.Matches(@"^storm min_ratio=\d+\.\d\d flat=\d+\.\d\d$", lines[4]);

        // Alertmanager got every alert of every run: the warm-up (the smallest size) and one run per size, each under its own
        // run label, each alert once (the repeats merged into it), half critical and half warning.
        using var client = new HttpClient();
        using var alerts = JsonDocument.Parse(await client.GetStringAsync(new Uri(alertmanager.Address, "api/v2/alerts")));
        var byRun = alerts.RootElement.EnumerateArray()
            .Select(alert => alert.GetProperty("labels"))
            .GroupBy(labels => labels.GetProperty(StormAlerts.RunLabel).GetString()!.Split('-')[0], StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.ToList(), StringComparer.Ordinal);
        Assert.Equal(["d200", "d400", "warmup"], byRun.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(200, byRun["warmup"].Count);
        foreach (var (run, size) in new[] { ("d200", 200), ("d400", 400) })
        {
            Assert.Equal(size, byRun[run].Count);
            Assert.Equal(size, byRun[run].Select(labels => labels.GetProperty("instance").GetString()).Distinct(StringComparer.Ordinal).Count());
            Assert.Equal(size / 2, byRun[run].Count(labels => labels.GetProperty("severity").GetString() == "critical"));
            Assert.All(byRun[run], labels => Assert.Equal(
                labels.GetProperty("severity").GetString() == "critical" ? "error_rate_critical" : "latency_warning",
                labels.GetProperty("alertname").GetString()));
        }
    }

    [Fact]
    public async Task LibraryStorm_ThreeThousandDistinctAlerts_RaisesDeliversAndThenSuppressesEveryOne()
    {
        // Beyond 1,994 alerts the rule/service/severity identity alone repeats (2 rules x 997 services): every label must count,
        // as in Alertmanager, or the storm would be mostly repeats. RunAsync throws when a count differs.
        var (storm, repeats) = await LibraryStorm.RunAsync(StormAlerts.ForLibrary(3_000, "test"), 3_000, CancellationToken.None);

        Assert.True(storm > TimeSpan.Zero);
        Assert.True(repeats > TimeSpan.Zero);
    }

    [Fact]
    public async Task LibraryStorm_WrongDistinctCount_FailsSayingWhatWasRaised()
    {
        var error = await Assert.ThrowsAsync<StormException>(() => LibraryStorm.RunAsync(StormAlerts.ForLibrary(300, "test"), 301, CancellationToken.None));

        Assert.Equal("the library raised 300 and delivered 300 of 301 distinct alerts (flushed: True); the storm is not comparable.", error.Message);
    }

    [Fact]
    public void AlertmanagerBatches_HoldTheSameAlertsInBatchesOfAHundred()
    {
        var now = new DateTimeOffset(2026, 12, 7, 6, 0, 0, TimeSpan.Zero);

        var batches = StormAlerts.ForAlertmanager(250, "d250-r0-test", now);

        Assert.Equal([100, 100, 50], batches.Select(body => JsonDocument.Parse(body).RootElement.GetArrayLength()));
        using var last = JsonDocument.Parse(batches[2]);
        var alert = last.RootElement[49]; // alert 249: odd, a warning
        Assert.Equal(
            """{"alertname":"latency_warning","severity":"warning","service":"svc-249","category":"cat-124","instance":"i-249","storm_run":"d250-r0-test"}""",
            alert.GetProperty("labels").GetRawText());
        Assert.Equal("2026-12-07T06:00:00.0000000Z", alert.GetProperty("startsAt").GetString());
        Assert.Equal("2026-12-07T06:05:00.0000000Z", alert.GetProperty("endsAt").GetString());
    }

    [Fact]
    public void Median_OddAndEvenCounts_TakesTheMiddle()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(5), StormCommand.Median([TimeSpan.FromMilliseconds(9), TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(5)]));
        Assert.Equal(TimeSpan.FromMilliseconds(4), StormCommand.Median([TimeSpan.FromMilliseconds(6), TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(2), TimeSpan.FromMilliseconds(9)]));
    }

    [Fact]
    public void Summary_TakesTheSmallestRatioAndTheWorseKindsSpread()
    {
        // storm: 1,000 in 5 ms (5 us/alert), 10,000 in 60 ms (6 us); repeats: 1,000 in 2 ms (2 us), 10,000 in 30 ms (3 us).
        StormLine[] lines =
        [
            new("storm", 1_000, TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(100)),
            new("repeats", 1_000, TimeSpan.FromMilliseconds(2), TimeSpan.FromMilliseconds(50)),
            new("storm", 10_000, TimeSpan.FromMilliseconds(60), TimeSpan.FromMilliseconds(480)),
            new("repeats", 10_000, TimeSpan.FromMilliseconds(30), TimeSpan.FromMilliseconds(900)),
        ];

        Assert.Equal("storm distinct=1000 library_per_s=200000 alertmanager_per_s=10000 ratio=20.00 library_us_per_alert=5.00 alertmanager_us_per_alert=100.00", lines[0].Format());
        Assert.Equal("storm min_ratio=8.00 flat=1.50", StormCommand.Summary(lines));
    }

    private static Regex ResultLine(string kind, int distinct)
        => new($@"^{kind} distinct={distinct} library_per_s=\d+ alertmanager_per_s=\d+ ratio=\d+\.\d\d library_us_per_alert=\d+\.\d\d alertmanager_us_per_alert=\d+\.\d\d$");

    private static int ClosedPort()
    {
        using var probe = new TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var error = new StringWriter(CultureInfo.InvariantCulture);
        var code = EvalProgram.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    // Exit 1 (Alertmanager or a side failed), nothing measured on standard output, the message on standard error, no stack trace.
    private static void AssertFailed(int code, string output, string error, string message)
    {
        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
