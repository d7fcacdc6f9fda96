using System.Globalization;
using Microsoft.Extensions.Options;

namespace Observability.Internal;

/// <summary>Lists every problem of <see cref="AlertmanagerAlertSinkOptions"/> in one failure; never shows a secret.</summary>
internal sealed class AlertmanagerAlertSinkOptionsValidator : IValidateOptions<AlertmanagerAlertSinkOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertmanagerAlertSinkOptions options)
    {
        var problems = Problems(name, options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    public static List<string> Problems(string? name, AlertmanagerAlertSinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var prefix = string.IsNullOrEmpty(name) ? "AlertmanagerAlertSink" : $"AlertmanagerAlertSink:{name}";
        var problems = new List<string>();

        HttpEndpointAuth.CheckEndpoint(problems, prefix, "Url", options.Url, "Alertmanager", "http://127.0.0.1:9093/");

        if (options.GeneratorUrl is { } generator && !HttpEndpointAuth.IsHttp(generator))
        {
            problems.Add($"{prefix}:GeneratorUrl must be an absolute http or https address when set.");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromHours(1))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{prefix}:Timeout must be positive and at most 1 hour (was {options.Timeout})."));
        }

        if (options.ResolveTimeout is { } resolve && (resolve <= TimeSpan.Zero || resolve > TimeSpan.FromDays(7)))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{prefix}:ResolveTimeout must be positive and at most 7 days when set (was {resolve})."));
        }

        HttpEndpointAuth.CheckAuthentication(problems, prefix, options.BearerToken, options.Username, options.Password);

        foreach (var (label, value) in options.StaticLabels)
        {
            if (!AlertmanagerPayload.IsLabelName(label))
            {
                problems.Add($"{prefix}:StaticLabels: '{label}' is not a label name ([a-zA-Z_][a-zA-Z0-9_]*).");
            }
            else if (AlertmanagerPayload.IsReserved(label))
            {
                problems.Add($"{prefix}:StaticLabels: '{label}' is set by the sink itself (alertname, severity, fingerprint).");
            }

            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add($"{prefix}:StaticLabels:{label} must have a value (Alertmanager drops empty labels).");
            }
        }

        return problems;
    }
}
