using System.Globalization;
using Microsoft.Extensions.Options;

namespace Observability.Internal;

/// <summary>Lists every problem of <see cref="PrometheusCollectorOptions"/> in one failure; never shows a secret.</summary>
internal sealed class PrometheusCollectorOptionsValidator : IValidateOptions<PrometheusCollectorOptions>
{
    public ValidateOptionsResult Validate(string? name, PrometheusCollectorOptions options)
    {
        var problems = Problems(name, options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    public static List<string> Problems(string? name, PrometheusCollectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var prefix = string.IsNullOrEmpty(name) ? "PrometheusCollector" : $"PrometheusCollector:{name}";
        var problems = new List<string>();

        HttpEndpointAuth.CheckEndpoint(problems, prefix, "Endpoint", options.Endpoint, "Prometheus", "http://127.0.0.1:9090/");

        if (!Enum.IsDefined(options.Preset))
        {
            problems.Add($"{prefix}:Preset must be OpenTelemetry, PrometheusNet or None (was {(int)options.Preset}).");
        }
        else if (options.Preset != PrometheusPreset.None && string.IsNullOrWhiteSpace(options.Service))
        {
            problems.Add($"{prefix}:Service is required with the {options.Preset} preset (the value of the '{options.ServiceLabel}' label).");
        }

        if (string.IsNullOrWhiteSpace(options.ServiceLabel) || !IsLabelName(options.ServiceLabel))
        {
            problems.Add($"{prefix}:ServiceLabel must be a Prometheus label name such as 'job' or 'service_name' (was '{options.ServiceLabel}').");
        }

        if (!Enum.IsDefined(options.Mode))
        {
            problems.Add($"{prefix}:Mode must be Range or Instant (was {(int)options.Mode}).");
        }

        if (options.Step < TimeSpan.FromSeconds(1))
        {
            problems.Add($"{prefix}:Step must be at least 1 second (was {options.Step}).");
        }

        if (options.RateWindow is { } rate && rate < TimeSpan.FromSeconds(1))
        {
            problems.Add($"{prefix}:RateWindow must be at least 1 second when set (was {rate}).");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromHours(1))
        {
            problems.Add($"{prefix}:Timeout must be positive and at most 1 hour (was {options.Timeout}).");
        }

        if (options.CollectionTimeout <= TimeSpan.Zero || options.CollectionTimeout > TimeSpan.FromHours(1))
        {
            problems.Add($"{prefix}:CollectionTimeout must be positive and at most 1 hour (was {options.CollectionTimeout}).");
        }

        if (options.StaleAfter is { } stale && stale <= TimeSpan.Zero)
        {
            problems.Add($"{prefix}:StaleAfter must be positive when set (was {stale}).");
        }

        if (options.MaxResponseBytes < 1 || options.MaxResponseBytes > PrometheusCollectorOptions.MaxResponseBytesLimit)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{prefix}:MaxResponseBytes must be between 1 and {PrometheusCollectorOptions.MaxResponseBytesLimit} bytes (1 GiB) (was {options.MaxResponseBytes})."));
        }

        HttpEndpointAuth.CheckAuthentication(problems, prefix, options.BearerToken, options.Username, options.Password);

        foreach (var (queryName, query) in options.Queries)
        {
            if (string.IsNullOrWhiteSpace(queryName))
            {
                problems.Add($"{prefix}:Queries has a query without a name.");
            }
            else if (query is null || string.IsNullOrWhiteSpace(query.Expression))
            {
                problems.Add($"{prefix}:Queries:{queryName}:Expression is required (a PromQL expression).");
            }
        }

        if (options.Preset == PrometheusPreset.None && options.Queries.Count == 0)
        {
            problems.Add($"{prefix}:Queries must hold at least one query when Preset is None.");
        }

        return problems;
    }

    private static bool IsLabelName(string name)
    {
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var ok = c == '_' || char.IsAsciiLetter(c) || (i > 0 && char.IsAsciiDigit(c));
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
