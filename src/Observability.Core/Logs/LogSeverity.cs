namespace Observability;

/// <summary>
/// The normalised level of a log line. Level strings are matched without regard to case:
/// <c>trace</c>/<c>verbose</c>, <c>debug</c>, <c>info</c>/<c>information</c>, <c>warn</c>/<c>warning</c>,
/// <c>error</c>/<c>err</c>, <c>fatal</c>/<c>critical</c>/<c>crit</c>; pino's numbers 10 to 60 map the same way.
/// </summary>
public enum LogSeverity
{
    /// <summary>The line has no level field (or it is <c>null</c>).</summary>
    None = 0,

    /// <summary>The line has a level this library does not know; see <see cref="LogRecord.LevelText"/>.</summary>
    Unknown = 1,

    /// <summary>trace, verbose.</summary>
    Trace = 2,

    /// <summary>debug.</summary>
    Debug = 3,

    /// <summary>info, information.</summary>
    Information = 4,

    /// <summary>warn, warning.</summary>
    Warning = 5,

    /// <summary>error, err.</summary>
    Error = 6,

    /// <summary>fatal, critical, crit.</summary>
    Fatal = 7,
}
