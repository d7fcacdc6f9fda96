using System.Text.Json;

namespace Observability.Internal;

/// <summary>What an outbox file's entries must hold to be delivered, and where those that cannot be read go.</summary>
internal sealed partial class OutboxStore
{
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

            var alert = StoredAlert.WithDefaults(entry!.Alert!);
            return ReferenceEquals(alert, entry.Alert) ? entry : entry with { Alert = alert };
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
