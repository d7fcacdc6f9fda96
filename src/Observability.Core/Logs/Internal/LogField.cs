namespace Observability.Internal;

/// <summary>The text fields of a <see cref="LogRecord"/> kept as slices of the line.</summary>
internal enum LogField
{
    Level = 0,
    Service,
    Message,
    TraceId,
    SpanId,
    Region,
    Route,
    Method,
    Error,
    ErrorType,
    StackTrace,
    CorrelationId,
    UserId,
    Cmd,
}

/// <summary>How a field's slice is stored.</summary>
internal enum LogValueKind
{
    Absent = 0,

    /// <summary>A string without escapes: the slice is the text between the quotes.</summary>
    PlainString = 1,

    /// <summary>A string with escapes: the slice includes the quotes and is unescaped on read.</summary>
    EscapedString = 2,

    /// <summary>A number, boolean, object or array: the slice is the raw JSON, kept as text.</summary>
    RawJson = 3,
}
