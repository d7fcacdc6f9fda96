namespace Observability;

/// <summary>
/// Options of a <see cref="CrossCheckedCollector"/> added with <c>AddCrossCheckedCollector</c>: its sources in priority
/// order and the tolerances. Validated at start-up with every problem listed.
/// </summary>
public sealed class CrossCheckedCollectorOptions
{
    /// <summary>The name used when none is given.</summary>
    public const string DefaultName = "chain";

    private readonly Dictionary<string, Func<IServiceProvider, ICollector>> _created = new(StringComparer.Ordinal);

    /// <summary>
    /// Gets the sources by name, highest priority first: each a collector registered under that name (for example
    /// <c>AddPrometheusCollector("prometheus", ...)</c>, <c>AddFileCollector("file", ...)</c> or <c>AddCollector(instance)</c>)
    /// or one created inside the chain with <see cref="Add(string, Func{IServiceProvider, ICollector})"/>. At least one.
    /// </summary>
    public IList<string> Sources { get; } = new List<string>();

    /// <summary>
    /// Gets or sets a value indicating whether every other source with data is asked too, to cross-check the one used.
    /// Default: <see langword="true"/>. When <see langword="false"/> the collector is a plain fallback chain.
    /// </summary>
    public bool CrossCheck { get; set; } = true;

    /// <summary>
    /// Gets or sets the tolerance of a metric without its own entry in <see cref="Metrics"/>. Default (<see langword="null"/>):
    /// that of <see cref="CrossCheckOptions.DefaultTolerance"/>, 5 % relative and 0 absolute.
    /// </summary>
    public MetricTolerance? DefaultTolerance { get; set; }

    /// <summary>
    /// Gets the tolerance of each metric by name, for example <c>availability</c> with an absolute 0.001. From configuration,
    /// give both <c>Relative</c> and <c>Absolute</c>.
    /// </summary>
    public IDictionary<string, MetricTolerance> Metrics { get; } = new Dictionary<string, MetricTolerance>(StringComparer.Ordinal);

    /// <summary>Gets the collectors created inside the chain, by name.</summary>
    internal IReadOnlyDictionary<string, Func<IServiceProvider, ICollector>> Created => _created;

    /// <summary>
    /// Adds a source created inside the chain (not registered on its own, so nothing else asks it) after the sources
    /// already listed; its name goes into <see cref="Sources"/>.
    /// </summary>
    /// <param name="name">The source's name; the collector created must carry it.</param>
    /// <param name="create">Creates the collector from the services, once, when the chain is built.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank or already a source.</exception>
    public void Add(string name, Func<IServiceProvider, ICollector> create)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(create);
        if (Sources.Contains(name, StringComparer.Ordinal))
        {
            throw new ArgumentException($"'{name}' is already a source of this chain; give each source a unique name.", nameof(name));
        }

        _created[name] = create;
        Sources.Add(name);
    }

    /// <summary>Adds a collector instance as a source created inside the chain, after the sources already listed.</summary>
    /// <param name="collector">The collector; its <see cref="ICollector.Name"/> is the source's name.</param>
    /// <exception cref="ArgumentException">Its name is blank or already a source.</exception>
    public void Add(ICollector collector)
    {
        ArgumentNullException.ThrowIfNull(collector);
        Add(collector.Name, _ => collector);
    }
}
