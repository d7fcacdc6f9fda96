using System.Text.Json;
using System.Text.Json.Serialization;

namespace Observability.Internal;

/// <summary>
/// Keeps one sink's outbox in <c>&lt;directory&gt;/&lt;sink&gt;.outbox.json</c>, rewritten through a temporary
/// file and a rename after each change, so a crash leaves either the old or the new list. A file that
/// cannot be read is moved aside (<c>.corrupt</c>) and reported, never fatal.
/// </summary>
internal sealed class OutboxStore
{
    private readonly string _path;

    public OutboxStore(string directory, string sinkName)
    {
        Directory.CreateDirectory(directory);
        var safeName = string.Concat(sinkName.Select(static c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
        _path = System.IO.Path.Combine(directory, safeName + ".outbox.json");
    }

    public string FilePath => _path;

    public List<OutboxEntry> Load(out string? problem)
    {
        problem = null;
        if (!File.Exists(_path))
        {
            return [];
        }

        try
        {
            var bytes = File.ReadAllBytes(_path);
            return JsonSerializer.Deserialize(bytes, OutboxJsonContext.Default.ListOutboxEntry) ?? [];
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            problem = $"{ex.GetType().Name}: {ex.Message}";
            TryMoveAside();
            return [];
        }
    }

    public void Save(IReadOnlyList<OutboxEntry> entries)
    {
        if (entries.Count == 0)
        {
            File.Delete(_path);
            return;
        }

        AtomicFile.Write(_path, JsonSerializer.SerializeToUtf8Bytes(entries, OutboxJsonContext.Default.IReadOnlyListOutboxEntry));
    }

    private void TryMoveAside()
    {
        try
        {
            File.Move(_path, _path + ".corrupt", overwrite: true);
        }
        catch (IOException)
        {
            // Best effort: the next save overwrites it anyway.
        }
    }
}

/// <summary>One alert waiting for one sink.</summary>
/// <param name="Alert">The alert (redacted and fingerprinted).</param>
/// <param name="Group">The group key (values of the group-by labels).</param>
/// <param name="EnqueuedAt">When it entered the outbox; the delivery latency counts from here.</param>
/// <param name="DueAt">When it may go (group wait, group interval).</param>
internal sealed record OutboxEntry(Alert Alert, string Group, DateTimeOffset EnqueuedAt, DateTimeOffset DueAt);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    Converters = [typeof(AlertContextJsonConverter)])]
[JsonSerializable(typeof(List<OutboxEntry>))]
[JsonSerializable(typeof(IReadOnlyList<OutboxEntry>))]
internal sealed partial class OutboxJsonContext : JsonSerializerContext;
