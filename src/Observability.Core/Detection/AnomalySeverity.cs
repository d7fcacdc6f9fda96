namespace Observability;

/// <summary>
/// How far a sample lies from what its history predicts, by the absolute z-score: see
/// <see cref="AnomalyScale"/> for the thresholds (2.0, 2.5 and 3.0 standard deviations).
/// </summary>
public enum AnomalySeverity
{
    /// <summary>|z| below 2.0 (or the sample was not scored): ordinary.</summary>
    None = 0,

    /// <summary>2.0 &lt;= |z| &lt; 2.5.</summary>
    Low = 1,

    /// <summary>2.5 &lt;= |z| &lt; 3.0.</summary>
    Medium = 2,

    /// <summary>|z| &gt;= 3.0, including any change from a perfectly constant history.</summary>
    High = 3,
}
