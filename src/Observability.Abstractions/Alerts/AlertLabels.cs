namespace Observability;

/// <summary>Label names with a meaning shared by the pipeline, the sinks and the reports.</summary>
public static class AlertLabels
{
    /// <summary>The service the alert is about; part of the default fingerprint.</summary>
    public const string Service = "service";

    /// <summary>The environment (for example <c>production</c>).</summary>
    public const string Environment = "environment";

    /// <summary>The category of the condition (for example <c>error_rate</c>, <c>data_quality</c>).</summary>
    public const string Category = "category";
}
