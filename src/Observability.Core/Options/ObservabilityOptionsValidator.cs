using Microsoft.Extensions.Options;

namespace Observability.Internal;

/// <summary>Lists every problem of <see cref="ObservabilityOptions"/> in one failure.</summary>
internal sealed class ObservabilityOptionsValidator : IValidateOptions<ObservabilityOptions>
{
    public ValidateOptionsResult Validate(string? name, ObservabilityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        var t = options.Thresholds;

        if (string.IsNullOrWhiteSpace(options.ServiceName))
        {
            problems.Add("Observability:ServiceName is required (the service being monitored).");
        }

        if (options.LookbackWindow <= TimeSpan.Zero)
        {
            problems.Add($"Observability:LookbackWindow must be positive (was {options.LookbackWindow}).");
        }

        if (options.EvaluationWindow <= TimeSpan.Zero || options.EvaluationWindow > options.LookbackWindow)
        {
            problems.Add($"Observability:EvaluationWindow must be positive and no longer than LookbackWindow (was {options.EvaluationWindow}, look-back {options.LookbackWindow}).");
        }

        ThresholdValidation.Check(t, "Observability:Thresholds:", problems);
        TraceOptionsValidation.Check(options.Traces, problems);
        AddBaselineProblems(problems, options);

        if (options.Alerts.DedupeWindow <= TimeSpan.Zero)
        {
            problems.Add($"Observability:Alerts:DedupeWindow must be positive (was {options.Alerts.DedupeWindow}).");
        }

        if (options.Alerts.FingerprintLabels.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add("Observability:Alerts:FingerprintLabels must not contain empty label names.");
        }

        AlertingOptionsValidation.Check(options.Alerts, problems);
        RollbackOptionsValidation.Check(options.Rollback, problems);

        if (options.Redaction.VisibleSuffixLength < 0)
        {
            problems.Add($"Observability:Redaction:VisibleSuffixLength must not be negative (was {options.Redaction.VisibleSuffixLength}).");
        }

        if (options.Redaction.SecretKeyFragments.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add("Observability:Redaction:SecretKeyFragments must not contain empty fragments.");
        }

        if (string.IsNullOrWhiteSpace(options.Reports.FileName) || options.Reports.FileName.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            problems.Add($"Observability:Reports:FileName must be a plain file name (was '{options.Reports.FileName}').");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void AddBaselineProblems(List<string> problems, ObservabilityOptions options)
    {
        foreach (var (metric, value) in options.Baseline)
        {
            if (string.IsNullOrWhiteSpace(metric) || !double.IsFinite(value) || value <= 0)
            {
                problems.Add($"Observability:Baseline:{metric} must be a finite number above 0 (was {value}); drift is relative to it.");
            }
        }

        if (options.BaselineFile is { } file)
        {
            try
            {
                StabilityBaseline.Load(file);
            }
            catch (Exception ex) when (ex is FileNotFoundException or InvalidDataException or ArgumentException)
            {
                problems.Add($"Observability:BaselineFile: {ex.Message}");
            }
        }
    }
}
