using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Observability.Internal;

namespace Observability;

/// <summary>
/// A fallback chain of collectors in priority order, cross-checked: the first source with data is used and
/// trusted; every other source with data is asked too and each metric it shares with the used one is compared
/// (the mean over the window) within a per-metric tolerance. Each disagreement is logged, reported as a
/// <see cref="CrossCheckDiscrepancy"/> and attached to the served result's <see cref="CollectionResult.Warnings"/>;
/// the higher-priority source is trusted. A source that throws or fails is skipped. Never throws for a source's
/// failure; only the caller's cancellation escapes.
/// </summary>
public sealed partial class CrossCheckedCollector : ICollector
{
    private readonly ICollector[] _sources;
    private readonly CrossCheckOptions _options;
    private readonly ILogger _logger;
    private readonly SecretRedactor _redactor;

    /// <summary>Initializes a new instance of the <see cref="CrossCheckedCollector"/> class.</summary>
    /// <param name="name">The composite's name, used on its results.</param>
    /// <param name="sources">The sources, highest priority first; at least one, names unique.</param>
    /// <param name="options">The tolerances; the defaults when <see langword="null"/>.</param>
    /// <param name="logger">Logs failures and discrepancies; none when <see langword="null"/>.</param>
    /// <param name="redactor">
    /// Masks secrets in the messages of sources that throw; one with the default <see cref="RedactionOptions"/> when
    /// <see langword="null"/>. Registered through <c>AddCrossCheckedCollector</c>, the chain uses the registered
    /// <see cref="SecretRedactor"/>, built from <see cref="ObservabilityOptions.Redaction"/>.
    /// </param>
    /// <exception cref="ArgumentException">No source, a null source, two sources with one name, or a negative or non-finite tolerance.</exception>
    public CrossCheckedCollector(string name, IEnumerable<ICollector> sources, CrossCheckOptions? options = null, ILogger<CrossCheckedCollector>? logger = null, SecretRedactor? redactor = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(sources);
        _sources = [.. sources];
        if (_sources.Length == 0)
        {
            throw new ArgumentException("A collector chain needs at least one source.", nameof(sources));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < _sources.Length; i++)
        {
            var source = _sources[i] ?? throw new ArgumentException($"The source at position {i} is null.", nameof(sources));
            if (!names.Add(source.Name))
            {
                throw new ArgumentException($"Two sources are named '{source.Name}'; give each a unique name.", nameof(sources));
            }
        }

        _options = options ?? new CrossCheckOptions();
        ValidateTolerance(_options.DefaultTolerance, "DefaultTolerance");
        foreach (var (metric, tolerance) in _options.Metrics)
        {
            ValidateTolerance(tolerance, $"Metrics['{metric}']");
        }

        Name = name;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _redactor = redactor ?? new SecretRedactor(new RedactionOptions());
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>Gets the sources' names, highest priority first.</summary>
    public IReadOnlyList<string> Sources => [.. _sources.Select(static s => s.Name)];

    /// <summary>
    /// The collectors to ask in turn: <paramref name="registered"/> less the sources of a cross-checked collector among
    /// them, which are asked through it and not a second time on their own.
    /// </summary>
    internal static ICollector[] WithoutChainedSources(IEnumerable<ICollector> registered)
    {
        var all = registered.ToArray();
        var inChains = all.OfType<CrossCheckedCollector>().SelectMany(static c => c.Sources).ToHashSet(StringComparer.Ordinal);
        return inChains.Count == 0 ? all : all.Where(c => c is CrossCheckedCollector || !inChains.Contains(c.Name)).ToArray();
    }

    /// <inheritdoc />
    public async Task<CollectionResult> CollectAsync(CollectionWindow window, CancellationToken cancellationToken = default)
        => (await CollectCheckedAsync(window, cancellationToken).ConfigureAwait(false)).Result;

    /// <summary>Collects from the chain and reports which source was used and where the sources disagreed.</summary>
    /// <param name="window">The window to collect.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <returns>The result served, every source's own result and the discrepancies.</returns>
    public async Task<CrossCheckedCollection> CollectCheckedAsync(CollectionWindow window, CancellationToken cancellationToken = default)
    {
        var attempts = new List<CollectionResult>(_sources.Length);
        CollectionResult? used = null;
        var others = new List<CollectionResult>();

        // Cross-checking asks every source anyway: ask them side by side, then read the answers in priority order.
        // A plain fallback chain asks one after another and stops at the first with data.
        var answers = _options.CrossCheck
            ? await Task.WhenAll(_sources.Select(s => AskAsync(s, window, cancellationToken))).ConfigureAwait(false)
            : null;
        for (var i = 0; i < _sources.Length; i++)
        {
            var source = _sources[i];
            var result = answers?[i] ?? await AskAsync(source, window, cancellationToken).ConfigureAwait(false);
            attempts.Add(result);
            if (!result.HasData)
            {
                LogSourceProblem(_logger, Name, source.Name, result.Status, string.Join("; ", result.Errors.Take(3)));
                continue;
            }

            if (used is not null)
            {
                others.Add(result);
                continue;
            }

            used = result;
            if (!_options.CrossCheck)
            {
                break;
            }
        }

        if (used is null)
        {
            var errors = attempts.SelectMany(a => a.Errors.Select(e => e with { Message = $"{a.CollectorName}: {e.Message}" })).ToArray();
            var failed = attempts.All(static a => a.Status == CollectionStatus.Failed);
            var result = failed
                ? CollectionResult.Failed(Name, new CollectionError(errors[0].Kind, string.Join("; ", errors.Select(static e => e.Message))))
                : CollectionResult.NoData(Name, "no source had data: " + string.Join("; ", errors.Select(static e => e.Message)));
            var warnings = attempts.SelectMany(static a => a.Warnings.Select(w => $"{a.CollectorName}: {w}"));
            return new CrossCheckedCollection(result.WithWarnings(warnings), null, null, [], attempts, [], 0);
        }

        var trusted = Means(used.Snapshots);
        var discrepancies = new List<CrossCheckDiscrepancy>();
        var compared = 0;
        foreach (var other in others)
        {
            compared += Compare(used.CollectorName, trusted, other, discrepancies);
        }

        foreach (var d in discrepancies)
        {
            LogDiscrepancy(_logger, Name, d.Message);
        }

        var served = Serve(used, attempts).WithWarnings(discrepancies.Select(static d => d.Message));
        return new CrossCheckedCollection(
            served, used.CollectorName, others.FirstOrDefault()?.CollectorName, [.. others.Select(static o => o.CollectorName)], attempts, discrepancies, compared);
    }

    private static void ValidateTolerance(MetricTolerance? tolerance, string where)
    {
        if (tolerance is null || !double.IsFinite(tolerance.Relative) || !double.IsFinite(tolerance.Absolute) || tolerance.Relative < 0 || tolerance.Absolute < 0)
        {
            throw new ArgumentException($"CrossCheckOptions.{where} must be set with a finite relative and absolute tolerance of at least 0; got {tolerance?.ToString() ?? "null"}.", "options");
        }
    }

    private async Task<CollectionResult> AskAsync(ICollector source, CollectionWindow window, CancellationToken cancellationToken)
    {
        try
        {
            return await source.CollectAsync(window, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return CollectionResult.Failed(source.Name, new CollectionError(CollectionErrorKind.Unknown, $"the collector threw {ex.GetType().Name}: {_redactor.RedactText(ex.Message)}"));
        }
    }

    private CollectionResult Serve(CollectionResult used, List<CollectionResult> attempts)
    {
        // Sources above the one used that failed are reported, so a fallback is visible.
        var earlier = attempts.TakeWhile(a => !ReferenceEquals(a, used))
            .SelectMany(a => a.Errors.Select(e => e with { Message = $"{a.CollectorName} (fell back to {used.CollectorName}): {e.Message}" }))
            .Concat(used.Errors)
            .ToArray();
        var served = earlier.Length == 0 ? CollectionResult.Success(Name, used.Snapshots) : CollectionResult.Partial(Name, used.Snapshots, earlier);
        return served.WithWarnings(used.Warnings.Select(w => $"{used.CollectorName}: {w}"));
    }

    [LoggerMessage(EventId = 40, Level = LogLevel.Warning, Message = "Collector chain {Chain}: source {Source} returned {Status}: {Errors}")]
    private static partial void LogSourceProblem(ILogger logger, string chain, string source, CollectionStatus status, string errors);

    [LoggerMessage(EventId = 41, Level = LogLevel.Warning, Message = "Collector chain {Chain}: sources disagree on {Discrepancy}")]
    private static partial void LogDiscrepancy(ILogger logger, string chain, string discrepancy);
}
