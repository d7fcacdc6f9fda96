using Observability.Internal;

namespace Observability;

/// <summary>
/// One parsed JSON log line. The timestamp, level, duration and status code are parsed at once; the text fields
/// are kept as slices of the line and turned into strings on first read (then cached), so a record that is only
/// counted costs one small allocation. A record keeps its line's bytes (and the buffer they sit in) alive.
/// </summary>
public sealed partial class LogRecord
{
    private readonly ReadOnlyMemory<byte> _line;
    private LogFieldRanges _ranges;
    private string?[]? _strings;
    private List<int>? _extraRanges;

    internal LogRecord(ReadOnlyMemory<byte> line, long lineNumber)
    {
        _line = line;
        LineNumber = lineNumber;
    }

    /// <summary>Gets the 1-based line number in the input (empty lines count).</summary>
    public long LineNumber { get; }

    /// <summary>Gets the line as UTF-8 JSON, without its line ending.</summary>
    public ReadOnlyMemory<byte> Utf8Json => _line;

    /// <summary>Gets the <c>timestamp</c> (or <c>time</c>, <c>ts</c>, <c>@timestamp</c>); <see langword="null"/> when absent.</summary>
    public DateTimeOffset? Timestamp { get; internal set; }

    /// <summary>Gets the normalised <c>level</c> (or <c>severity</c>).</summary>
    public LogSeverity Level { get; internal set; }

    /// <summary>Gets the <c>duration_ms</c>, finite and not negative; <see langword="null"/> when absent.</summary>
    public double? DurationMs { get; internal set; }

    /// <summary>Gets the HTTP <c>status_code</c> (or <c>status</c>), 100 to 599; <see langword="null"/> when absent.</summary>
    public int? StatusCode { get; internal set; }

    /// <summary>Gets the level as written in the line (for example <c>WARN</c> or <c>notice</c>); <see langword="null"/> when absent.</summary>
    public string? LevelText => Get(LogField.Level);

    /// <summary>Gets the <c>service</c>.</summary>
    public string? Service => Get(LogField.Service);

    /// <summary>Gets the <c>message</c> (or <c>msg</c>).</summary>
    public string? Message => Get(LogField.Message);

    /// <summary>Gets the <c>trace_id</c>.</summary>
    public string? TraceId => Get(LogField.TraceId);

    /// <summary>Gets the <c>span_id</c>.</summary>
    public string? SpanId => Get(LogField.SpanId);

    /// <summary>Gets the <c>region</c>.</summary>
    public string? Region => Get(LogField.Region);

    /// <summary>Gets the <c>route</c>.</summary>
    public string? Route => Get(LogField.Route);

    /// <summary>Gets the HTTP <c>method</c>.</summary>
    public string? Method => Get(LogField.Method);

    /// <summary>Gets the <c>error</c>: the text when it is a string, else its raw JSON (for example an object).</summary>
    public string? Error => Get(LogField.Error);

    /// <summary>Gets the <c>error_type</c>.</summary>
    public string? ErrorType => Get(LogField.ErrorType);

    /// <summary>Gets the <c>stack_trace</c>.</summary>
    public string? StackTrace => Get(LogField.StackTrace);

    /// <summary>Gets the <c>correlation_id</c>.</summary>
    public string? CorrelationId => Get(LogField.CorrelationId);

    /// <summary>Gets the <c>user_id</c> (a number is kept as its JSON text).</summary>
    public string? UserId => Get(LogField.UserId);

    /// <summary>Gets the <c>cmd</c>.</summary>
    public string? Cmd => Get(LogField.Cmd);

    /// <summary>Gets a value indicating whether the line has fields other than the known ones.</summary>
    public bool HasExtra => _extraRanges is not null;

    /// <summary>Gets the fields that are not known ones, in line order, as raw JSON (built on each read).</summary>
    public IReadOnlyList<LogExtraField> Extra => BuildExtra();

    /// <inheritdoc />
    public override string ToString() => $"line {LineNumber}: {Timestamp:O} {Level} {Service} {Message}";

    internal void SetRange(LogField field, int start, int length, LogValueKind kind) => _ranges.Set(field, start, length, kind);

    internal void AddExtra(int nameStart, int nameLength, int valueStart, int valueLength)
    {
        _extraRanges ??= new List<int>(4);
        _extraRanges.Add(nameStart);
        _extraRanges.Add(nameLength);
        _extraRanges.Add(valueStart);
        _extraRanges.Add(valueLength);
    }

    private string? Get(LogField field)
    {
        var kind = _ranges.Kind(field);
        if (kind == LogValueKind.Absent)
        {
            return null;
        }

        _strings ??= new string?[LogFieldRanges.Count];
        return _strings[(int)field] ??= LogFieldText.Materialise(_line.Span, _ranges.Start(field), _ranges.Length(field), kind);
    }

    private LogExtraField[] BuildExtra()
    {
        if (_extraRanges is null)
        {
            return [];
        }

        var fields = new LogExtraField[_extraRanges.Count / 4];
        for (var i = 0; i < fields.Length; i++)
        {
            var nameStart = _extraRanges[4 * i];
            var nameLength = _extraRanges[(4 * i) + 1];
            var name = LogFieldText.Materialise(_line.Span, nameStart, nameLength, LogValueKind.EscapedString);
            fields[i] = new LogExtraField(name, _line.Slice(_extraRanges[(4 * i) + 2], _extraRanges[(4 * i) + 3]));
        }

        return fields;
    }
}
