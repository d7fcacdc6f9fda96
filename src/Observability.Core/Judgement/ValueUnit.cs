namespace Observability;

/// <summary>The unit of a finding's observed value and threshold, which decides how both are printed.</summary>
public enum ValueUnit
{
    /// <summary>No value (the finding carries none).</summary>
    None = 0,

    /// <summary>A ratio in [0, 1], printed as a percentage (0.0647 is "6.47 %").</summary>
    Ratio = 1,

    /// <summary>A number already in percent (12.5 is "12.5 %").</summary>
    Percent = 2,

    /// <summary>Milliseconds ("480 ms").</summary>
    Milliseconds = 3,

    /// <summary>A burn rate, a multiple of the sustainable rate ("14.4x").</summary>
    BurnRate = 4,

    /// <summary>A count ("3").</summary>
    Count = 5,

    /// <summary>Score points on a 0-100 scale ("42.5 points").</summary>
    Points = 6,

    /// <summary>A confidence in [0, 1] ("confidence 0.75").</summary>
    Confidence = 7,
}
