namespace Observability.Internal;

/// <summary>The problems of <see cref="ObservabilityOptions.Traces"/>, listed with the other options' problems at start-up.</summary>
internal static class TraceOptionsValidation
{
    public static void Check(TraceOptions traces, List<string> problems)
    {
        if (traces.PerUserCapacity < 1)
        {
            problems.Add($"Observability:Traces:PerUserCapacity must be at least 1 (was {traces.PerUserCapacity}).");
        }

        if (traces.Capacity < 1)
        {
            problems.Add($"Observability:Traces:Capacity must be at least 1 (was {traces.Capacity}).");
        }
    }
}
