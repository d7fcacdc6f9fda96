using System.Text.Json;
using Observability.Internal;

namespace Observability;

/// <summary>
/// Writes daily and weekly summaries in the stability monitor's file layout: each day as JSON
/// (<c>day_01_summary.json</c>), the week as JSON and Markdown (<c>weekly_summary.json</c>,
/// <c>weekly_summary.md</c>). Files are replaced atomically.
/// </summary>
/// <remarks>
/// <para>
/// The JSON uses the spec's snake_case field names, in its order, followed by a few extras; the shapes are
/// published as JSON Schemas (<see cref="ObservabilitySchemas.DailySummary"/>, <see cref="ObservabilitySchemas.WeeklySummary"/>).
/// Availability, SLO compliance, error rates, CPU and memory are written in percent (a 0.9995 availability is
/// <c>99.95</c>), latency in milliseconds, drift in percent, times in UTC ISO 8601. A value that was not
/// measured is <c>null</c>, never a made-up number. <c>_metadata.generated_at</c> is read from the
/// <see cref="TimeProvider"/> given to the constructor.
/// </para>
/// <para>
/// A day's <c>start_time</c> and <c>end_time</c> are its first and last usable snapshot (its midnight bounds when it
/// had none); the week's are the first day's midnight and the midnight after the last day (UTC). A day's data is
/// <c>complete</c> when every expected snapshot slot had a usable snapshot, else <c>partial</c>; the week is
/// complete when every day is.
/// </para>
/// </remarks>
public sealed partial class SummaryReporter
{
    /// <summary>The file name of the weekly summary, without extension.</summary>
    public const string WeeklyFileName = "weekly_summary";

    private static readonly ReadOnlyMemory<byte> NewLine = "\n"u8.ToArray();

    private readonly TimeProvider _time;

    /// <summary>Initializes a new instance of the <see cref="SummaryReporter"/> class that reads the system clock.</summary>
    public SummaryReporter()
        : this(TimeProvider.System)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="SummaryReporter"/> class.</summary>
    /// <param name="timeProvider">The clock <c>_metadata.generated_at</c> is read from.</param>
    public SummaryReporter(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _time = timeProvider;
    }

    /// <summary>Gets the file name of a day's summary, for example <c>day_01_summary.json</c>.</summary>
    /// <param name="day">The day.</param>
    /// <returns>The file name.</returns>
    public static string DailyFileName(DailySummary day)
    {
        ArgumentNullException.ThrowIfNull(day);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"day_{day.DayNumber:00}_summary.json");
    }

    /// <summary>Writes a day's summary as JSON (<c>day_NN_summary.json</c>).</summary>
    /// <param name="day">The day.</param>
    /// <param name="destination">A writable stream, left open.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <returns>A task that completes when the summary is written.</returns>
    public Task WriteJsonAsync(DailySummary day, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(day);
        var generatedAt = _time.GetUtcNow();
        return WriteJsonAsync(writer => DailySummaryJson.Write(writer, day, generatedAt), destination, cancellationToken);
    }

    /// <summary>
    /// Writes a weekly summary as JSON (<c>weekly_summary.json</c>), with its
    /// <see cref="WeeklySummary.DailySummaries"/> as <c>daily_summaries</c>.
    /// </summary>
    /// <param name="week">The week.</param>
    /// <param name="destination">A writable stream, left open.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <returns>A task that completes when the summary is written.</returns>
    public Task WriteJsonAsync(WeeklySummary week, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(week);
        return WriteWeeklyJsonAsync(week, week.DailySummaries, destination, cancellationToken);
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
        await AtomicFile.WriteAsync(json, (s, ct) => WriteWeeklyJsonAsync(week, days, s, ct), cancellationToken).ConfigureAwait(false);
        paths.Add(json);
        var md = Path.Combine(directory, WeeklyFileName + ".md");
        await AtomicFile.WriteAsync(md, (s, ct) => WriteMarkdownAsync(week, days, s, ct), cancellationToken).ConfigureAwait(false);
        paths.Add(md);
        return paths;
    }

    private Task WriteWeeklyJsonAsync(WeeklySummary week, IReadOnlyList<DailySummary> days, Stream destination, CancellationToken cancellationToken)
    {
        var generatedAt = _time.GetUtcNow();
        return WriteJsonAsync(writer => WeeklySummaryJson.Write(writer, week, days, generatedAt), destination, cancellationToken);
    }

    private static async Task WriteJsonAsync(Action<Utf8JsonWriter> write, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        cancellationToken.ThrowIfCancellationRequested();
        var writer = new Utf8JsonWriter(destination, SummaryJson.WriterOptions);
        await using (writer.ConfigureAwait(false))
        {
            write(writer);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        await destination.WriteAsync(NewLine, cancellationToken).ConfigureAwait(false);
        await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
