using System.Text;
using System.Text.Json;

namespace Observability.Internal;

/// <summary>
/// Appends one JSON line per rollback to <c>rollback-audit.jsonl</c>: written in one append and flushed to disk before
/// the call returns, so two processes never interleave a line and an entry survives a crash right after.
/// </summary>
internal sealed class FileRollbackAuditLog(string directory) : IRollbackAuditLog
{
    public const string FileName = "rollback-audit.jsonl";

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetFullPath(directory), FileName);

    public async Task AppendAsync(RollbackRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var line = Line(record);
        var stream = new FileStream(Path, new FileStreamOptions
        {
            Mode = FileMode.Append,
            Access = FileAccess.Write,
            Share = FileShare.ReadWrite,
            Options = FileOptions.Asynchronous,
        });
        await using (stream.ConfigureAwait(false))
        {
            await stream.WriteAsync(line, cancellationToken).ConfigureAwait(false);
            stream.Flush(flushToDisk: true);
        }
    }

    /// <summary>The entry as one UTF-8 JSON line (snake_case, as the other files the tool writes), ending with a newline.</summary>
    public static byte[] Line(RollbackRecord record)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("at", record.At.ToUniversalTime());
            json.WriteString("service", record.Service);
            json.WriteString("reason", record.Reason);
            json.WriteString("verdict", record.Decision?.ToString().ToLowerInvariant());
            json.WriteString("trace_id", record.TraceId);
            json.WriteBoolean("automatic", record.Automatic);
            json.WriteString("action", record.Action);
            json.WriteString("outcome", EmergencyRollback.Token(record.Outcome));
            WriteNumber(json, "exit_code", record.ExitCode);
            WriteNumber(json, "http_status", record.HttpStatusCode);
            json.WriteString("error", record.Error);
            json.WriteNumber("duration_ms", Math.Round(record.Duration.TotalMilliseconds, 1));
            json.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
