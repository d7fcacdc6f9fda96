using System.Text;

namespace Observability;

/// <summary>A field of a log line that is not one of the known fields, kept as raw JSON.</summary>
/// <param name="Name">The field name (unescaped).</param>
/// <param name="RawValue">The value as it appears in the line, in UTF-8 JSON (strings keep their quotes).</param>
public readonly record struct LogExtraField(string Name, ReadOnlyMemory<byte> RawValue)
{
    /// <summary>Gets the raw JSON value as text, for example <c>"eu"</c> (with quotes), <c>42</c> or <c>{"a":1}</c>.</summary>
    public string RawText => Encoding.UTF8.GetString(RawValue.Span);
}
