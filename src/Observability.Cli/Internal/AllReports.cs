using Microsoft.Extensions.DependencyInjection;

namespace Observability.Cli.Internal;

/// <summary>Every report format the tool writes: JSON, Markdown, the HTML dashboard, the PDF, snapshots.csv, the SLO violations and the operational report.</summary>
internal static class AllReports
{
    public static IObservabilityBuilder AddAllReporters(this IObservabilityBuilder observability)
        => observability
            .AddJsonReporter()
            .AddMarkdownReporter()
            .AddHtmlReporter()
            .AddPdfReporter()
            .AddSnapshotCsvReporter()
            .AddSloViolationsReporter()
            .AddOperationalReporter();
}
