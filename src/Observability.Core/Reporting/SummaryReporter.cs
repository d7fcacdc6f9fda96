using System.Text.Json;
using Observability.Internal;

namespace Observability;

/// <summary>
/// Writes daily and weekly summaries: each day as JSON (<c>day_01_summary.json</c>), the week as
/// JSON and Markdown (<c>weekly_summary.json</c>, <c>weekly_summary.md</c>). Files are replaced
/// atomically. The JSON carries a <c>schemaVersion</c> and the same conventions as the health report.
/// </summary>
public sealed partial class SummaryReporter
{
    private static readonly ReadOnlyMemory<byte> NewLine = "\n"u8.ToArray();

    /// <summary>The file name of the weekly summary, without extension.</summary>
    public const string WeeklyFileName = "weekly_summary";

    /// <summary>Gets the file name of a day's summary, for example <c>day_01_summary.json</c>.</summary>
    /// <param name="day">The day.</param>
    /// <returns>The file name.</returns>
    public static string DailyFileName(DailySummary day)
    {
        ArgumentNullException.ThrowIfNull(day);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"day_{day.DayNumber:00}_summary.json");
    }

    /// <summary>Writes a day's summary as JSON.</summary>
    /// <param name="day">The day.</param>
    /// <param name="destination">A writable stream, left open.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <returns>A task that completes when the summary is written.</returns>
    public Task WriteJsonAsync(DailySummary day, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(day);
        return WriteJsonAsync(new SummaryEnvelope<DailySummary>(SummaryEnvelope<DailySummary>.CurrentSchemaVersion, "daily", day), SummaryJsonContext.Default.SummaryEnvelopeDailySummary, destination, cancellationToken);
    }

    /// <summary>Writes a weekly summary as JSON.</summary>
    /// <param name="week">The week.</param>
    /// <param name="destination">A writable stream, left open.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <returns>A task that completes when the summary is written.</returns>
    public Task WriteJsonAsync(WeeklySummary week, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(week);
        return WriteJsonAsync(new SummaryEnvelope<WeeklySummary>(SummaryEnvelope<WeeklySummary>.CurrentSchemaVersion, "weekly", week), SummaryJsonContext.Default.SummaryEnvelopeWeeklySummary, destination, cancellationToken);
    }

    /// <summary>Writes a weekly summary as Markdown for a person: the recommendation and its reasons, a row per day, trends, recommendations and action items.</summary>
    /// <param name="week">The week.</param>
    /// <param name="days">The daily summaries the week was built from, for the per-day table.</param>
    /// <param name="destination">A writable stream, left open.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <returns>A task that completes when the summary is written.</returns>
    public async Task WriteMarkdownAsync(WeeklySummary week, IReadOnlyList<DailySummary> days, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(week);
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(destination);
        var markdown = WeeklyMarkdown(week, days);
        var writer = new StreamWriter(destination, new System.Text.UTF8Encoding(false), bufferSize: -1, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteAsync(markdown.AsMemory(), cancellationToken).ConfigureAwait(false);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Writes every day's JSON and the week's JSON and Markdown into <paramref name="directory"/>
    /// (created when missing), each file replaced atomically.
    /// </summary>
    /// <param name="directory">The output folder.</param>
    /// <param name="days">The daily summaries.</param>
    /// <param name="week">The weekly summary built from them.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <returns>The paths written, days first.</returns>
    public async Task<IReadOnlyList<string>> WriteFilesAsync(string directory, IReadOnlyList<DailySummary> days, WeeklySummary week, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(week);
        Directory.CreateDirectory(directory);
        var paths = new List<string>(days.Count + 2);
        foreach (var day in days)
        {
            var path = Path.Combine(directory, DailyFileName(day));
            await AtomicFile.WriteAsync(path, (s, ct) => WriteJsonAsync(day, s, ct), cancellationToken).ConfigureAwait(false);
            paths.Add(path);
        }

        var json = Path.Combine(directory, WeeklyFileName + ".json");
        await AtomicFile.WriteAsync(json, (s, ct) => WriteJsonAsync(week, s, ct), cancellationToken).ConfigureAwait(false);
        paths.Add(json);
        var md = Path.Combine(directory, WeeklyFileName + ".md");
        await AtomicFile.WriteAsync(md, (s, ct) => WriteMarkdownAsync(week, days, s, ct), cancellationToken).ConfigureAwait(false);
        paths.Add(md);
        return paths;
    }

    private static async Task WriteJsonAsync<T>(T envelope, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        cancellationToken.ThrowIfCancellationRequested();
        await JsonSerializer.SerializeAsync(destination, envelope, typeInfo, cancellationToken).ConfigureAwait(false);
        await destination.WriteAsync(NewLine, cancellationToken).ConfigureAwait(false);
        await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
