using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Observability.Internal;

namespace Observability.Core.Tests.Reporting;

/// <summary>The reporters registered like every plugin: the four overloads, names, file names and formats, written side by side.</summary>
public sealed class ReporterRegistrationTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("obs-reporters-");

    public void Dispose() => _folder.Delete(recursive: true);

    private async Task<(IReadOnlyList<ReportResult> Results, string[] Files)> WriteAsync(Action<IObservabilityBuilder> add)
    {
        var services = new ServiceCollection();
        add(services.AddObservability(o => o.ServiceName = "checkout"));
        using var provider = services.BuildServiceProvider();
        var writer = new ReportWriter(provider.GetServices<IReporter>(), new FakeLogger<ReportWriter>());
        var results = await writer.WriteAllAsync(TimelineReports.Report(), new ReportingOptions { OutputDirectory = _folder.FullName }, CancellationToken.None);
        return (results, [.. _folder.GetFiles().Select(static f => f.Name).Order(StringComparer.Ordinal)]);
    }

    [Fact]
    public async Task AddHtmlReporter_TwoNamedReporters_WriteTwoPagesInsteadOfSkippingOne()
    {
        var (results, files) = await WriteAsync(static o => o.AddHtmlReporter().AddHtmlReporter("oncall", static _ => { }).AddHtmlReporter("print", static h => h.FileName = "print"));

        Assert.All(results, static r => Assert.True(r.Succeeded, r.Error));
        Assert.Equal(["html", "html:oncall", "html:print"], results.Select(static r => r.Format));
        Assert.Equal(["dashboard-oncall.html", "dashboard.html", "print.html"], files);
    }

    [Fact]
    public async Task AddPdfReporter_EveryOverload_WritesItsOwnFile()
    {
        var section = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Pdf:FileName"] = "from-config", ["Pdf:IncludeCharts"] = "false" }).Build().GetSection("Pdf");

        var (results, files) = await WriteAsync(o => o.AddPdfReporter(section).AddPdfReporter("bare", static p => p.IncludeOperationalReport = false).AddPdfReporter("named", static p => p.FileName = "named"));

        Assert.All(results, static r => Assert.True(r.Succeeded, r.Error));
        Assert.Equal(["pdf", "pdf:bare", "pdf:named"], results.Select(static r => r.Format));
        Assert.Equal(["from-config.pdf", "health-report-bare.pdf", "named.pdf"], files);
        Assert.DoesNotContain("Time (UTC)", HeadlessChromium.PdfText(Path.Combine(_folder.FullName, "from-config.pdf")));
        Assert.DoesNotContain("Regression likelihood", HeadlessChromium.PdfText(Path.Combine(_folder.FullName, "health-report-bare.pdf")));
    }

    [Fact]
    public async Task AddPdfReporter_Defaults_WritesTheReportsFileName()
    {
        var (results, files) = await WriteAsync(static o => o.AddPdfReporter());

        Assert.Equal("pdf", Assert.Single(results).Format);
        Assert.Equal(["health-report.pdf"], files);
    }

    [Fact]
    public async Task AddOperationalReporter_EveryOverload_ChoosesItsFormatsAndFileNames()
    {
        var section = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Ops:FileName"] = "ops", ["Ops:WriteMarkdown"] = "false" }).Build().GetSection("Ops");

        var (results, files) = await WriteAsync(o => o.AddOperationalReporter(section).AddOperationalReporter("weekly", static p => p.WriteJson = false));

        Assert.All(results, static r => Assert.True(r.Succeeded, r.Error));
        Assert.Equal(["operational", "operational:weekly_md"], results.Select(static r => r.Format));
        Assert.Equal(["operational_report-weekly.md", "ops.json"], files);
    }

    [Fact]
    public async Task AddOperationalReporter_WithConfigure_WritesBothFormatsByDefault()
    {
        var (_, files) = await WriteAsync(static o => o.AddOperationalReporter(static p => p.FileName = "ops"));

        Assert.Equal(["ops.json", "ops.md"], files);
    }

    [Fact]
    public void AddReporters_SameNameTwice_ThrowsNamingIt()
    {
        var services = new ServiceCollection();
        var builder = services.AddObservability().AddPdfReporter("x", static _ => { });

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddPdfReporter("x", static _ => { }));
        Assert.Contains("'x'", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => builder.AddOperationalReporter((IConfigurationSection)null!));
        Assert.Throws<ArgumentNullException>(() => builder.AddPdfReporter((IConfigurationSection)null!));
    }

    [Fact]
    public async Task AddJsonAndMarkdownReporters_EveryOverload_WriteTheirOwnFiles()
    {
        var section = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Json:FileName"] = "from-config" }).Build().GetSection("Json");

        var (results, files) = await WriteAsync(o => o
            .AddJsonReporter(section).AddJsonReporter("oncall", static _ => { }).AddJsonReporter("named", static j => j.FileName = "named")
            .AddMarkdownReporter(static m => m.FileName = "summary").AddMarkdownReporter("oncall", static _ => { }));

        Assert.All(results, static r => Assert.True(r.Succeeded, r.Error));
        Assert.Equal(["json", "json:oncall", "json:named", "markdown", "markdown:oncall"], results.Select(static r => r.Format));
        Assert.Equal(["from-config.json", "health-report-oncall.json", "health-report-oncall.md", "named.json", "summary.md"], files);
        using var json = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_folder.FullName, "named.json")));
        Assert.Equal("checkout", json.RootElement.GetProperty("report").GetProperty("service").GetString());
    }

    [Fact]
    public async Task AddJsonReporter_Defaults_WritesTheReportsFileNameAsConfigured()
    {
        var services = new ServiceCollection();
        services.AddObservability(static o => { o.ServiceName = "checkout"; o.Reports.FileName = "release-42"; }).AddJsonReporter().AddMarkdownReporter();
        using var provider = services.BuildServiceProvider();
        var writer = new ReportWriter(provider.GetServices<IReporter>(), new FakeLogger<ReportWriter>());

        var results = await writer.WriteAllAsync(TimelineReports.Report(), new ReportingOptions { OutputDirectory = _folder.FullName, FileName = "release-42" }, CancellationToken.None);

        Assert.Equal([Path.Combine(_folder.FullName, "release-42.json"), Path.Combine(_folder.FullName, "release-42.md")], results.Select(static r => r.Path));
    }

    [Fact]
    public async Task AddSnapshotCsvReporter_EveryOverload_WritesSideBySide()
    {
        var section = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Csv:FileName"] = "observations" }).Build().GetSection("Csv");

        var (results, files) = await WriteAsync(o => o.AddSnapshotCsvReporter(section).AddSnapshotCsvReporter("oncall", static _ => { }).AddSnapshotCsvReporter("raw", static c => c.FileName = "raw"));

        Assert.All(results, static r => Assert.True(r.Succeeded, r.Error));
        Assert.Equal(["csv", "csv:oncall", "csv:raw"], results.Select(static r => r.Format));
        Assert.Equal(["observations.csv", "raw.csv", "snapshots-oncall.csv"], files);
        Assert.Equal(File.ReadAllText(Path.Combine(_folder.FullName, "raw.csv")), File.ReadAllText(Path.Combine(_folder.FullName, "observations.csv")));
    }

    [Fact]
    public async Task AddSloViolationsReporter_Options_ChooseFormatsAndFileNames()
    {
        var section = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Slo:WriteMarkdown"] = "false" }).Build().GetSection("Slo");

        var (results, files) = await WriteAsync(o => o.AddSloViolationsReporter(section).AddSloViolationsReporter("oncall", static s => s.WriteJson = false).AddSloViolationsReporter("both", static s => s.FileName = "breaches"));

        Assert.All(results, static r => Assert.True(r.Succeeded, r.Error));
        Assert.Equal(["slo_violations_json", "slo_violations:oncall_markdown", "slo_violations:both_json", "slo_violations:both_markdown"], results.Select(static r => r.Format));
        Assert.Equal(["breaches.json", "breaches.md", "slo_violations-oncall.md", "slo_violations.json"], files);
    }

    [Fact]
    public async Task AddReporters_OneNameForEveryKind_WritesEveryFile()
    {
        var (results, files) = await WriteAsync(static o => o
            .AddJsonReporter("oncall", static _ => { }).AddMarkdownReporter("oncall", static _ => { }).AddHtmlReporter("oncall", static _ => { })
            .AddSnapshotCsvReporter("oncall", static _ => { }).AddSloViolationsReporter("oncall", static _ => { }).AddOperationalReporter("oncall", static _ => { }));

        Assert.All(results, static r => Assert.True(r.Succeeded, r.Error));
        Assert.Equal(
            ["dashboard-oncall.html", "health-report-oncall.json", "health-report-oncall.md", "operational_report-oncall.json", "operational_report-oncall.md", "slo_violations-oncall.json", "slo_violations-oncall.md", "snapshots-oncall.csv"],
            files);
    }

    [Fact]
    public async Task AddReporter_WithoutArguments_AfterConfigure_AddsNothingMore()
    {
        var (results, files) = await WriteAsync(static o => o
            .AddJsonReporter(static j => j.FileName = "configured").AddJsonReporter()
            .AddHtmlReporter().AddHtmlReporter().AddSnapshotCsvReporter().AddSnapshotCsvReporter());

        Assert.Equal(["json", "html", "csv"], results.Select(static r => r.Format));
        Assert.Equal(["configured.json", "dashboard.html", "snapshots.csv"], files);
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/b")]
    [InlineData(" ")]
    public void AddReporter_FileNameNotPlain_FailsAtStartUpNamingTheOption(string fileName)
    {
        var services = new ServiceCollection();
        services.AddObservability().AddSnapshotCsvReporter("oncall", c => c.FileName = fileName);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => provider.GetServices<IReporter>().ToArray());
        Assert.Contains("SnapshotCsvReporterOptions 'oncall': FileName", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddReporters_NullArguments_Throw()
    {
        var builder = new ServiceCollection().AddObservability();

        Assert.Throws<ArgumentNullException>(() => ((IObservabilityBuilder)null!).AddSnapshotCsvReporter());
        Assert.Throws<ArgumentNullException>(() => builder.AddJsonReporter((IConfigurationSection)null!));
        Assert.Throws<ArgumentNullException>(() => builder.AddMarkdownReporter((Action<MarkdownReporterOptions>)null!));
        Assert.Throws<ArgumentException>(() => builder.AddSloViolationsReporter(" ", static _ => { }));
        Assert.Throws<InvalidOperationException>(() => builder.AddSnapshotCsvReporter("x", static _ => { }).AddSnapshotCsvReporter("x", static _ => { }));
    }
}
