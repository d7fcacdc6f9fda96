using System.Text.Json;
using System.Text.Json.Serialization;

namespace Observability.Internal;

/// <summary>
/// Keeps one sink's outbox in <c>&lt;directory&gt;/&lt;sink&gt;.outbox.json</c>, rewritten through a temporary
/// file and a rename after each change, so a crash leaves either the old or the new list. A file that
/// cannot be read is moved aside (<c>.corrupt</c>) and reported, never fatal; a bad entry is set aside alone
/// (<c>.rejected</c>) and the others are kept.
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

    /// <summary>Gets the file where entries that cannot be read are set aside.</summary>
    public string RejectedPath => _path + ".rejected";

    /// <summary>
    /// Reads the waiting entries. A file that is not a JSON array is moved aside whole (<paramref name="problem"/>);
    /// an entry that cannot be read or misses what delivery needs (<c>null</c>, <c>"alert": null</c>, no rule...) is
    /// set aside alone in <see cref="RejectedPath"/> and described in <paramref name="rejected"/>; the others are kept.
    /// </summary>
    public List<OutboxEntry> Load(out string? problem, out List<string> rejected)
    {
        problem = null;
        rejected = [];
        if (!File.Exists(_path))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(_path));
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                problem = $"the file holds {document.RootElement.ValueKind}, not an array of entries";
                TryMoveAside();
                return [];
            }

            var entries = new List<OutboxEntry>();
            var setAside = new List<JsonElement>();
            var index = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                if (Read(element, out var why) is { } entry)
                {
                    entries.Add(entry);
                }
                else
                {
                    rejected.Add($"entry {index + 1} ({why ?? Describe(element)})");
                    setAside.Add(element);
                }

                index++;
            }

            if (setAside.Count > 0)
            {
                SetAside(setAside);
            }

            return entries;
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            problem = $"{ex.GetType().Name}: {ex.Message}";
            TryMoveAside();
            return [];
        }
    }

    private static OutboxEntry? Read(JsonElement element, out string? why)
    {
        why = null;
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        try
        {
            var entry = element.Deserialize(OutboxJsonContext.Default.OutboxEntry);
            why = entry switch
            {
                null => "null",
                { Alert: null } => "no alert",
                { Group: null } => "no group",
                { Alert: var a } when string.IsNullOrWhiteSpace(a.Rule) => "an alert without a rule",
                { Alert: var a } when string.IsNullOrEmpty(a.Fingerprint) => "an alert without a fingerprint",
                { Alert: var a } when a.Title is null => "an alert without a title",
                _ => null,
            };
            if (why is not null)
            {
                return null;
            }

            // Optional members left out (or null) take their defaults, as in a new alert.
            var read = entry!;
            var alert = read.Alert!;
            return alert.Message is null || alert.Source is null || alert.Labels is null || alert.Links is null || alert.Context is null
                ? read with
                {
                    Alert = alert with
                    {
                        Message = alert.Message ?? string.Empty,
                        Source = alert.Source ?? "observability",
                        Labels = alert.Labels ?? new Dictionary<string, string>(),
                        Links = alert.Links ?? [],
                        Context = alert.Context ?? new Dictionary<string, object?>(),
                    },
                }
                : read;
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            why = ex is JsonException { Path: { } path } ? $"unreadable at {path}" : ex.GetType().Name;
            return null;
        }
    }

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.Object when !element.TryGetProperty("alert", out var alert) || alert.ValueKind != JsonValueKind.Object => "no alert",
        _ => $"a {element.ValueKind.ToString().ToLowerInvariant()}, not an entry",
    };

    /// <summary>Appends the bad entries to the set-aside file (a JSON array), so nothing is lost and nothing blocks.</summary>
    private void SetAside(List<JsonElement> elements)
    {
        try
        {
            var previous = new List<JsonElement>();
            if (File.Exists(RejectedPath))
            {
                try
                {
                    using var old = JsonDocument.Parse(File.ReadAllBytes(RejectedPath));
                    if (old.RootElement.ValueKind == JsonValueKind.Array)
                    {
                        previous.AddRange(old.RootElement.EnumerateArray().Select(static e => e.Clone()));
                    }
                }
                catch (JsonException)
                {
                    // An unreadable set-aside file is replaced.
                }
            }

            previous.AddRange(elements);
            AtomicFile.Write(RejectedPath, JsonSerializer.SerializeToUtf8Bytes(previous, OutboxJsonContext.Default.ListJsonElement));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: the entries are reported in the log either way, and the next save drops them from the outbox.
        }
    }

    /// <summary>Writes the waiting entries in the order given (oldest first), or deletes the file when none wait.</summary>
    public void Save(IReadOnlyCollection<OutboxEntry> entries)
    {
        if (entries.Count == 0)
        {
            File.Delete(_path);
            return;
        }

        AtomicFile.Write(_path, JsonSerializer.SerializeToUtf8Bytes(entries, OutboxJsonContext.Default.IReadOnlyCollectionOutboxEntry));
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
[JsonSerializable(typeof(OutboxEntry))]
[JsonSerializable(typeof(List<JsonElement>))]
[JsonSerializable(typeof(IReadOnlyCollection<OutboxEntry>))]
internal sealed partial class OutboxJsonContext : JsonSerializerContext;
