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
}
