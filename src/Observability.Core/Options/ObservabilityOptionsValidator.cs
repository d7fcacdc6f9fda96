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

        CheckRatio(problems, "Thresholds:ErrorRateWarning", t.ErrorRateWarning);
        CheckRatio(problems, "Thresholds:ErrorRateCritical", t.ErrorRateCritical);
        if (t.ErrorRateWarning >= t.ErrorRateCritical)
        {
            problems.Add($"Observability:Thresholds:ErrorRateWarning ({t.ErrorRateWarning}) must be below ErrorRateCritical ({t.ErrorRateCritical}).");
        }

        CheckRatio(problems, "Thresholds:AvailabilityTarget", t.AvailabilityTarget);

        if (t.MinimumJobs < 0)
        {
            problems.Add($"Observability:Thresholds:MinimumJobs must not be negative (was {t.MinimumJobs}).");
        }

        if (t.HealthCritical is < 0 or > 100 || t.HealthWarning is < 0 or > 100 || t.HealthCritical >= t.HealthWarning)
        {
            problems.Add($"Observability:Thresholds:HealthCritical ({t.HealthCritical}) and HealthWarning ({t.HealthWarning}) must lie in [0, 100] with HealthCritical below HealthWarning.");
        }

        if (t.LatencyP99Target <= TimeSpan.Zero)
        {
            problems.Add($"Observability:Thresholds:LatencyP99Target must be positive (was {t.LatencyP99Target}).");
        }

        if (t.HealthSustainFor < TimeSpan.Zero)
        {
            problems.Add($"Observability:Thresholds:HealthSustainFor must not be negative (was {t.HealthSustainFor}).");
        }

        if (!double.IsFinite(t.HealthPointsPerErrorRatePercent) || t.HealthPointsPerErrorRatePercent < 0)
        {
            problems.Add($"Observability:Thresholds:HealthPointsPerErrorRatePercent must be a finite number of at least 0 (was {t.HealthPointsPerErrorRatePercent}).");
        }

        if (t.RegionalLatencyDrift <= TimeSpan.Zero)
        {
            problems.Add($"Observability:Thresholds:RegionalLatencyDrift must be positive (was {t.RegionalLatencyDrift}).");
        }

        if (t.ConnectivityFailureLimit < 1)
        {
            problems.Add($"Observability:Thresholds:ConnectivityFailureLimit must be at least 1 (was {t.ConnectivityFailureLimit}).");
        }

        if (t.QueueBacklogLimit is { } backlog && (!double.IsFinite(backlog) || backlog < 0))
        {
            problems.Add($"Observability:Thresholds:QueueBacklogLimit must be a finite number of at least 0 when set (was {backlog}).");
        }

        if (t.SloPeriod <= TimeSpan.Zero)
        {
            problems.Add($"Observability:Thresholds:SloPeriod must be positive (was {t.SloPeriod}).");
        }

        if (t.LatencyObjective is <= 0 or >= 1 || double.IsNaN(t.LatencyObjective))
        {
            problems.Add($"Observability:Thresholds:LatencyObjective must lie strictly between 0 and 1 (was {t.LatencyObjective}).");
        }

        if (!double.IsFinite(t.BurnRateMinimumEvents) || t.BurnRateMinimumEvents < 0)
        {
            problems.Add($"Observability:Thresholds:BurnRateMinimumEvents must be a finite number of at least 0 (was {t.BurnRateMinimumEvents}).");
        }

        if (t.PersistentGapSnapshots < 1)
        {
            problems.Add($"Observability:Thresholds:PersistentGapSnapshots must be at least 1 (was {t.PersistentGapSnapshots}).");
        }

        if (options.Alerts.DedupeWindow <= TimeSpan.Zero)
        {
            problems.Add($"Observability:Alerts:DedupeWindow must be positive (was {options.Alerts.DedupeWindow}).");
        }

        if (options.Alerts.FingerprintLabels.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add("Observability:Alerts:FingerprintLabels must not contain empty label names.");
        }

        AlertingOptionsValidation.Check(options.Alerts, problems);

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

    private static void CheckRatio(List<string> problems, string name, double value)
    {
        if (!double.IsFinite(value) || value is < 0 or > 1)
        {
            problems.Add($"Observability:{name} must be a ratio in [0, 1] (was {value}); 0.05 means 5 %.");
        }
    }
}
