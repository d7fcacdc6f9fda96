namespace Observability;

/// <summary>Which way a value moved between two periods.</summary>
public enum TrendDirection
{
    /// <summary>The change is inside the flat band (by default less than 5 % either way).</summary>
    Flat = 0,

    /// <summary>The value rose by at least the flat band.</summary>
    Up = 1,

    /// <summary>The value fell by at least the flat band.</summary>
    Down = 2,
}
