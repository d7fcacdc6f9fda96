namespace Observability;

/// <summary>Which way a level shift went.</summary>
public enum ChangeDirection
{
    /// <summary>No change was detected.</summary>
    None = 0,

    /// <summary>The level rose.</summary>
    Up = 1,

    /// <summary>The level fell.</summary>
    Down = 2,
}
