using System.Globalization;
using Microsoft.Extensions.Options;

namespace Observability.Internal;

/// <summary>Lists every problem of <see cref="CrossCheckedCollectorOptions"/> in one failure.</summary>
internal sealed class CrossCheckedCollectorOptionsValidator : IValidateOptions<CrossCheckedCollectorOptions>
{
    public ValidateOptionsResult Validate(string? name, CrossCheckedCollectorOptions options)
    {
        var problems = Problems(name, options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    public static List<string> Problems(string? name, CrossCheckedCollectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var prefix = string.IsNullOrEmpty(name) ? "CrossCheckedCollector" : $"CrossCheckedCollector:{name}";
        var problems = new List<string>();

        if (options.Sources.Count == 0)
        {
            problems.Add($"{prefix}:Sources must name at least one collector, highest priority first (a collector registered by name, e.g. 'prometheus', or one added with Add).");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Sources.Count; i++)
        {
            var source = options.Sources[i];
            if (string.IsNullOrWhiteSpace(source))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{prefix}:Sources:{i} is blank; name a collector."));
            }
            else if (!seen.Add(source))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{prefix}:Sources:{i} names '{source}' a second time; each source is asked once."));
            }
            else if (string.Equals(source, name, StringComparison.Ordinal))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{prefix}:Sources:{i} names the chain itself ('{source}')."));
            }
        }

        foreach (var created in options.Created.Keys.Where(c => !seen.Contains(c)).Order(StringComparer.Ordinal))
        {
            problems.Add($"{prefix}: the collector '{created}' was added with Add but is no longer in Sources.");
        }

        if (options.DefaultTolerance is { } defaultTolerance)
        {
            Check(defaultTolerance, $"{prefix}:DefaultTolerance", problems);
        }

        foreach (var (metric, tolerance) in options.Metrics.OrderBy(static m => m.Key, StringComparer.Ordinal))
        {
            Check(tolerance, $"{prefix}:Metrics:{metric}", problems);
        }

        return problems;
    }

    private static void Check(MetricTolerance? tolerance, string where, List<string> problems)
    {
        if (tolerance is null)
        {
            problems.Add($"{where} is required (a relative and an absolute tolerance of at least 0).");
        }
        else if (!double.IsFinite(tolerance.Relative) || !double.IsFinite(tolerance.Absolute) || tolerance.Relative < 0 || tolerance.Absolute < 0)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{where} must have a finite Relative and Absolute of at least 0 (was {tolerance.Relative} relative, {tolerance.Absolute} absolute)."));
        }
    }
}
