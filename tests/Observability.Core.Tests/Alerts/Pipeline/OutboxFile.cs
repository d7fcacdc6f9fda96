using System.Text.Json;

namespace Observability.Core.Tests.Alerts.Pipeline;

/// <summary>
/// Reads an outbox file as an operator would, independently of the product's reader: a journal of JSON lines
/// (<c>{"add":[{"id":n,"entry":{...}}],"done":[n]}</c>) replayed in order, or the earlier form, one JSON array of entries.
/// </summary>
internal static class OutboxFile
{
    /// <summary>Gets the waiting entries, oldest first (each entry's JSON: alert, group, enqueuedAt, dueAt).</summary>
    public static List<JsonElement> Waiting(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var text = File.ReadAllText(path);
        if (text.TrimStart().StartsWith('['))
        {
            return JsonDocument.Parse(text).RootElement.EnumerateArray().ToList();
        }

        var waiting = new List<(long Id, JsonElement Entry)>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var record = JsonDocument.Parse(line).RootElement;
            if (record.TryGetProperty("add", out var add))
            {
                waiting.AddRange(add.EnumerateArray().Select(static a => (a.GetProperty("id").GetInt64(), a.GetProperty("entry"))));
            }

            if (record.TryGetProperty("done", out var done))
            {
                var ids = done.EnumerateArray().Select(static d => d.GetInt64()).ToHashSet();
                waiting.RemoveAll(w => ids.Contains(w.Id));
            }
        }

        return waiting.Select(static w => w.Entry).ToList();
    }

    /// <summary>Gets the rules of the waiting alerts, oldest first.</summary>
    public static string[] Rules(string path)
        => Waiting(path).Select(static e => e.GetProperty("alert").GetProperty("rule").GetString()!).ToArray();

    /// <summary>Gets the file's lines (records), or 0 when there is no file.</summary>
    public static int Lines(string path)
        => File.Exists(path) ? File.ReadAllText(path).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length : 0;
}
