using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Observability.Internal;

/// <summary>
/// Formats one log entry as a JSON line with the spec's fields and writes it, whole, to the writer. Every text goes
/// through the redactor; a write that fails is dropped, never thrown.
/// </summary>
internal sealed class JsonLogWriter(TextWriter output, string service, SecretRedactor redactor, TimeProvider time)
{
    private const string OriginalFormat = "{OriginalFormat}";
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Lock _gate = new();

    public void Write<TState>(string category, LogLevel level, EventId eventId, TState state, string message, Exception? exception, IExternalScopeProvider? scopes)
    {
        var context = new LogContext();
        var extras = new List<KeyValuePair<string, object?>>();
        var plainScopes = new List<string>();
        if (state is IEnumerable<KeyValuePair<string, object?>> values)
        {
            Collect(values, ref context, extras);
        }

        if (scopes is not null)
        {
            var frames = new List<object?>();
            scopes.ForEachScope(static (scope, list) => list.Add(scope), frames);
            for (var i = frames.Count - 1; i >= 0; i--) // the innermost scope first: it wins over outer ones
            {
                if (frames[i] is IEnumerable<KeyValuePair<string, object?>> pairs)
                {
                    Collect(pairs, ref context, extras);
                }
                else if (frames[i] is { } other)
                {
                    plainScopes.Insert(0, Convert.ToString(other, CultureInfo.InvariantCulture) ?? string.Empty);
                }
            }
        }

        var activity = Activity.Current;
        context.TraceId ??= activity is null ? null : activity.TraceId.ToHexString();
        context.Fn ??= string.IsNullOrEmpty(eventId.Name) ? ShortCategory(category) : eventId.Name;

        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("ts", time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
            json.WriteString("level", LevelName(level));
            json.WriteString("service", service);
            WriteText(json, "fn", context.Fn);
            WriteText(json, "trace_id", context.TraceId);
            WriteText(json, "correlation_id", context.CorrelationId);
            WriteText(json, "user_id", context.UserId);
            WriteText(json, "cmd", context.Cmd);
            json.WriteString("msg", redactor.RedactText(message.Length == 0 && exception is not null ? exception.Message : message));
            if (activity is not null)
            {
                json.WriteString("span_id", activity.SpanId.ToHexString());
            }

            json.WriteString("category", category);
            if (eventId.Id != 0)
            {
                json.WriteNumber("event_id", eventId.Id);
            }

            if (exception is not null)
            {
                json.WriteString("exception_type", exception.GetType().FullName);
                json.WriteString("exception", redactor.RedactText(exception.ToString()));
            }

            var written = new HashSet<string>(Reserved, StringComparer.Ordinal);
            foreach (var (key, value) in extras)
            {
                if (written.Add(key))
                {
                    json.WritePropertyName(key);
                    WriteValue(json, key, value);
                }
            }

            if (plainScopes.Count > 0 && !written.Contains("scopes"))
            {
                json.WriteStartArray("scopes");
                foreach (var scope in plainScopes)
                {
                    json.WriteStringValue(redactor.RedactText(scope));
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        var line = Encoding.UTF8.GetString(buffer.WrittenSpan);
        lock (_gate)
        {
            try
            {
                output.Write(line + "\n");
                output.Flush();
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                // A log line that cannot be written is lost; the application goes on.
            }
        }
    }

    public void Flush()
    {
        lock (_gate)
        {
            try
            {
                output.Flush();
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
            }
        }
    }

    private static readonly string[] Reserved =
        ["ts", "level", "service", "fn", "trace_id", "correlation_id", "user_id", "cmd", "msg", "span_id", "category", "event_id", "exception", "exception_type"];

    /// <summary>The spec's level names: Trace and Debug are debug, Critical is error.</summary>
    public static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace or LogLevel.Debug => "debug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        _ => "error",
    };

    /// <summary>Takes the spec's context fields out of <paramref name="values"/> (the first value seen wins: the message's, then the innermost scope's) and keeps the rest.</summary>
    private static void Collect(IEnumerable<KeyValuePair<string, object?>> values, ref LogContext context, List<KeyValuePair<string, object?>> extras)
    {
        foreach (var (key, value) in values)
        {
            if (key == OriginalFormat || string.IsNullOrEmpty(key))
            {
                continue;
            }

            var text = value is null ? null : Convert.ToString(value, CultureInfo.InvariantCulture);
            switch (Normalise(key))
            {
                case "traceid":
                    context.TraceId ??= text;
                    continue;
                case "correlationid":
                    context.CorrelationId ??= text;
                    continue;
                case "userid":
                    context.UserId ??= text;
                    continue;
                case "cmd" or "command":
                    context.Cmd ??= text;
                    continue;
                case "fn" or "function":
                    context.Fn ??= text;
                    continue;
                default:
                    extras.Add(new(key, value));
                    continue;
            }
        }
    }

    private void WriteText(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, redactor.RedactText(value));
        }
    }

    private void WriteValue(Utf8JsonWriter json, string key, object? value)
    {
        if (value is null)
        {
            json.WriteNullValue();
            return;
        }

        if (redactor.IsSecretKey(key))
        {
            json.WriteStringValue(redactor.MaskValue(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty));
            return;
        }

        switch (value)
        {
            case bool b:
                json.WriteBooleanValue(b);
                return;
            case int or long or short or byte or sbyte or ushort or uint or ulong:
                json.WriteRawValue(Convert.ToString(value, CultureInfo.InvariantCulture)!);
                return;
            case double d when double.IsFinite(d):
                json.WriteNumberValue(d);
                return;
            case float f when float.IsFinite(f):
                json.WriteNumberValue(f);
                return;
            case decimal m:
                json.WriteNumberValue(m);
                return;
            case DateTimeOffset t:
                json.WriteStringValue(t.ToString("O", CultureInfo.InvariantCulture));
                return;
            case DateTime t:
                json.WriteStringValue(t.ToString("O", CultureInfo.InvariantCulture));
                return;
            default:
                json.WriteStringValue(redactor.RedactText(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty));
                return;
        }
    }

    private static string Normalise(string key)
    {
        Span<char> buffer = stackalloc char[Math.Min(key.Length, 32)];
        var n = 0;
        foreach (var c in key)
        {
            if (c is '_' or '-' or '.')
            {
                continue;
            }

            if (n == buffer.Length)
            {
                return string.Empty; // longer than any known name
            }

            buffer[n++] = char.ToLowerInvariant(c);
        }

        return new string(buffer[..n]);
    }

    private static string ShortCategory(string category)
    {
        var dot = category.LastIndexOf('.');
        return dot < 0 || dot == category.Length - 1 ? category : category[(dot + 1)..];
    }

    private struct LogContext
    {
        public string? TraceId;
        public string? CorrelationId;
        public string? UserId;
        public string? Cmd;
        public string? Fn;
    }
}
