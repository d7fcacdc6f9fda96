namespace Observability;

/// <summary>Why a log line was rejected.</summary>
public enum LogRejectReason
{
    /// <summary>The line is not valid JSON, or not a JSON object.</summary>
    MalformedJson = 0,

    /// <summary>The line is longer than <see cref="StructuredLogOptions.MaxLineLength"/> bytes; it was skipped unread.</summary>
    LineTooLong = 1,

    /// <summary>The line is not valid UTF-8, or escapes text that is no Unicode (a lone surrogate such as <c>\ud800</c>).</summary>
    InvalidUtf8 = 2,

    /// <summary>The line has no timestamp and <see cref="StructuredLogOptions.RequireTimestamp"/> is set.</summary>
    MissingTimestamp = 3,

    /// <summary>A known field has a value of the wrong type or out of range (a negative duration, status code 42...).</summary>
    InvalidField = 4,

    /// <summary>The rate limiter refused a permit for the line.</summary>
    RateLimited = 5,
}
