using Observability.Samples.StabilityMonitor;

namespace Observability.Samples.Tests;

/// <summary>The StabilityMonitor sample's command line (<see cref="SampleArguments.Parse"/>, compiled in from the sample): no process, no disk.</summary>
public sealed class StabilityMonitorSampleArgumentsTests
{
    private const string Baseline = "ga_baseline.json";

    [Fact]
    public void Replay_Defaults_SevenDaysEveryThirtyMinutesIntoStabilityWithTheShippedFiles()
    {
        var parsed = SampleArguments.Parse(["--replay"]);

        Assert.Equal(SampleSource.Replay, parsed.Source);
        Assert.Equal(TimeSpan.FromHours(168), parsed.Duration);
        Assert.Equal(TimeSpan.FromMinutes(30), parsed.Interval);
        Assert.Equal("stability", parsed.Output);
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "data", "baseline.json"), parsed.Baseline);
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "data", "checkout-7d.csv"), parsed.Data);
        Assert.False(parsed.TestMode);
        Assert.Null(parsed.PrometheusUrl);
        Assert.Empty(parsed.Warnings);
    }

    [Theory]
    [InlineData("2", "10", 2 * 60, 10)] // bare numbers: hours and minutes
    [InlineData("1.5", "7.5", 90, 7.5)]
    [InlineData("30m", "90s", 30, 1.5)]
    [InlineData("2h", "1h", 120, 60)]
    [InlineData("7d", "30m", 7 * 24 * 60, 30)]
    [InlineData("7.00:00:00", "00:30:00", 7 * 24 * 60, 30)] // TimeSpan text
    [InlineData(" 3h ", "01:00:00", 180, 60)]
    public void DurationAndInterval_BareNumbersUnitsAndTimeSpans(string duration, string interval, double durationMinutes, double intervalMinutes)
    {
        var parsed = SampleArguments.Parse(["--replay", "--duration", duration, "--interval", interval]);

        Assert.Equal(TimeSpan.FromMinutes(durationMinutes), parsed.Duration);
        Assert.Equal(TimeSpan.FromMinutes(intervalMinutes), parsed.Interval);
    }

    [Fact]
    public void EveryOption_TakesItsValue_AlsoAsNameEqualsValue()
    {
        var parsed = SampleArguments.Parse(
            ["--prometheus-url=http://127.0.0.1:9090/prom/", "--service", "payments", "--baseline=" + Baseline, "--output", "out dir", "--duration=4", "--interval", "15"]);

        Assert.Equal(SampleSource.Prometheus, parsed.Source);
        Assert.Equal(new Uri("http://127.0.0.1:9090/prom/"), parsed.PrometheusUrl);
        Assert.Equal("payments", parsed.Service);
        Assert.Equal(Baseline, parsed.Baseline);
        Assert.Equal("out dir", parsed.Output);
        Assert.Equal(TimeSpan.FromHours(4), parsed.Duration);
        Assert.Equal(TimeSpan.FromMinutes(15), parsed.Interval);
    }

    [Fact]
    public void DataAlone_IsALiveFile_AndDataWithReplayIsReplayed()
    {
        Assert.Equal(SampleSource.LiveFile, SampleArguments.Parse(["--data", "metrics.csv", "--baseline", Baseline]).Source);
        var replay = SampleArguments.Parse(["--data", "metrics.csv", "--replay"]);
        Assert.Equal(SampleSource.Replay, replay.Source);
        Assert.Equal("metrics.csv", replay.Data);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("2h")]
    [InlineData("90m")]
    [InlineData("00:20:00")]
    public void TestMode_RunOfTwoHoursOrLess_TakesASnapshotEveryTenMinutes_WithALiveSource(string duration)
    {
        var parsed = SampleArguments.Parse(["--test-mode", "--prometheus-url", "http://127.0.0.1:9090", "--baseline", Baseline, "--duration", duration]);

        Assert.True(parsed.TestMode);
        Assert.Equal(SampleSource.Prometheus, parsed.Source);
        Assert.Equal(TimeSpan.FromMinutes(10), parsed.Interval);
        Assert.Empty(parsed.Warnings);
    }

    [Fact]
    public void TestMode_WithAnOtherInterval_UsesTenMinutesAndSaysSo()
    {
        var parsed = SampleArguments.Parse(["--replay", "--test-mode", "--duration", "2", "--interval", "5"]);

        Assert.Equal(SampleSource.Replay, parsed.Source);
        Assert.Equal(TimeSpan.FromMinutes(10), parsed.Interval);
        var warning = Assert.Single(parsed.Warnings);
        Assert.Contains("--interval 5m is not used", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void TestMode_RunLongerThanTwoHours_KeepsTheIntervalAndSaysSo()
    {
        var parsed = SampleArguments.Parse(["--replay", "--test-mode", "--duration", "2.5"]);

        Assert.Equal(TimeSpan.FromMinutes(30), parsed.Interval);
        var warning = Assert.Single(parsed.Warnings);
        Assert.Contains("only in a run of 2h or less; this run of 2.5h keeps --interval 30m", warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Help_IsAnsweredWithoutCheckingTheArgumentsAfterIt(string help)
    {
        Assert.True(SampleArguments.Parse([help]).Help);
        Assert.True(SampleArguments.Parse(["--replay", "--duration", "2", help, "--bogus"]).Help);
    }

    [Fact]
    public void Usage_ListsEveryOptionTheParserTakes()
    {
        foreach (var option in new[] { "--replay", "--prometheus-url", "--data", "--baseline", "--duration", "--interval", "--test-mode", "--output", "--service", "--help" })
        {
            Assert.Contains(option, SampleArguments.Usage, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("unknown option '--foo'.", "--replay", "--foo")]
    [InlineData("unknown option '--prometheus_url'.", "--prometheus_url=http://127.0.0.1:9090")]
    [InlineData("unknown option '-x'.", "-x")]
    [InlineData("unexpected argument 'now'; options start with --", "--replay", "now")]
    [InlineData("--replay takes no value.", "--replay=yes")]
    [InlineData("--output needs a value.", "--replay", "--output")]
    [InlineData("--output needs a value.", "--replay", "--output", "--test-mode")]
    [InlineData("--output needs a value.", "--replay", "--output", " ")]
    [InlineData("no source: give --replay", "--duration", "2")]
    [InlineData("--baseline <file> is required with --prometheus-url", "--prometheus-url", "http://127.0.0.1:9090")]
    [InlineData("--baseline <file> is required with --data", "--data", "metrics.csv")]
    [InlineData("--prometheus-url reads a live server and cannot be replayed", "--replay", "--prometheus-url", "http://127.0.0.1:9090")]
    [InlineData("--prometheus-url and --data are two sources", "--data", "metrics.csv", "--prometheus-url", "http://127.0.0.1:9090")]
    [InlineData("--service names the job to read from Prometheus; it needs --prometheus-url", "--replay", "--service", "checkout")]
    [InlineData("--prometheus-url must be an absolute http or https address", "--prometheus-url", "127.0.0.1:9090", "--baseline", Baseline)]
    [InlineData("--prometheus-url must be an absolute http or https address", "--prometheus-url", "ftp://127.0.0.1/", "--baseline", Baseline)]
    [InlineData("--prometheus-url must be an absolute http or https address", "--prometheus-url", "/var/prometheus", "--baseline", Baseline)]
    [InlineData("--duration 'soon' is not a positive time: a bare number of hours", "--replay", "--duration", "soon")]
    [InlineData("--interval '5x' is not a positive time: a bare number of minutes", "--replay", "--interval", "5x")]
    [InlineData("--duration '0' is not a positive time", "--replay", "--duration", "0")]
    [InlineData("--interval '0m' is not a positive time", "--replay", "--interval", "0m")]
    [InlineData("--duration '-5' is not a positive time", "--replay", "--duration", "-5")]
    [InlineData("--duration '-01:00:00' is not a positive time", "--replay", "--duration", "-01:00:00")]
    [InlineData("--duration 'NaN' is not a positive time", "--replay", "--duration", "NaN")]
    [InlineData("--duration 'Infinityh' is not a positive time", "--replay", "--duration", "Infinityh")]
    [InlineData("--duration '1e300h' is not a positive time", "--replay", "--duration", "1e300h")]
    [InlineData("--duration '100000d' is longer than the longest run this sample takes, 366d.", "--replay", "--duration", "100000d")]
    [InlineData("--duration '9999999999999' is longer than the longest run", "--replay", "--duration", "9999999999999")]
    [InlineData("--duration 367d is longer than the longest run this sample takes, 366d.", "--replay", "--duration", "367.00:00:00")]
    [InlineData("--duration 7d at --interval 1s is 604800 snapshots; a run takes at most 100000", "--replay", "--interval", "1s")]
    [InlineData("--interval 0.5s is out of range: it must be between 1 second and 1 day.", "--replay", "--interval", "0.5s")]
    [InlineData("--interval 2d is out of range", "--replay", "--interval", "2d")]
    [InlineData("--interval 2h is longer than --duration 1h.", "--replay", "--duration", "1", "--interval", "2h")]
    [InlineData("--interval 10m (set by --test-mode) is longer than --duration 5m.", "--replay", "--test-mode", "--duration", "5m")]
    public void Invalid_ThrowsOneMessageNamingTheOptionAndTheProblem(string message, params string[] args)
    {
        var ex = Assert.Throws<FormatException>(() => SampleArguments.Parse(args));

        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--prometheus-url", "http://alice:s3cr3t-pw@127.0.0.1:9090")]
    [InlineData("--prometheus-url", "https://alice:s3cr3t-pw@127.0.0.1:9090/prom/")]
    [InlineData("--prometheus-url=http://alice:s3cr3t-pw@127.0.0.1:9090")]
    [InlineData("--prometheus-url", "http://s3cr3t-pw@127.0.0.1:9090")]
    public void PrometheusUrl_WithCredentials_IsRefusedWithoutShowingThem(params string[] args)
    {
        var ex = Assert.Throws<FormatException>(() => SampleArguments.Parse([.. args, "--baseline", Baseline]));

        Assert.StartsWith("--prometheus-url must not carry credentials", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-pw", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("alice", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--prometheus-url", "ftp://alice:s3cr3t-pw@127.0.0.1:21", "--baseline", Baseline)] // not http, and a password
    [InlineData("--replay", "http://alice:s3cr3t-pw@127.0.0.1:9090")] // the flag forgotten
    [InlineData("--http://alice:s3cr3t-pw@127.0.0.1:9090")]
    public void AnyErrorAboutAnAddress_NeverShowsItsPassword(params string[] args)
    {
        var ex = Assert.Throws<FormatException>(() => SampleArguments.Parse(args));

        Assert.DoesNotContain("s3cr3t-pw", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(600, "10m")]
    [InlineData(1800, "30m")]
    [InlineData(5400, "1.5h")]
    [InlineData(7200, "2h")]
    [InlineData(604800, "7d")]
    [InlineData(90, "1.5m")]
    [InlineData(30, "30s")]
    [InlineData(0.5, "0.5s")]
    public void Text_ShowsATimeTheWayTheOptionsTakeIt(double seconds, string expected)
        => Assert.Equal(expected, SampleArguments.Text(TimeSpan.FromSeconds(seconds)));
}
