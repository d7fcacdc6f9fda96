using System.Text;
using System.Text.Json;

namespace Observability.Internal;

/// <summary>
/// Reading an outbox file: the journal's lines replayed in order (an entry added, numbers done), or a file of the earlier
/// form, one JSON array of entries, read as it always was. A file that cannot be read is moved aside (<c>.corrupt</c>) and
/// reported, never fatal; a bad entry or line is set aside alone (<c>.rejected</c>) and the others are kept; a last line cut
/// short (a crash in the middle of an append) is ignored and reported: the change it held never counted.
/// </summary>
internal sealed partial class OutboxStore
{
    private const string AddName = "add";
    private const string DoneName = "done";
    private const string IdName = "id";
    private const string EntryName = "entry";

    /// <summary>
    /// Reads the waiting entries, oldest first. A file that cannot be read at all is moved aside whole (<paramref name="problem"/>);
    /// an entry or a line that cannot be read or misses what delivery needs (<c>null</c>, <c>"alert": null</c>, no rule...) is set
    /// aside alone in <see cref="RejectedPath"/> and described in <paramref name="rejected"/>; the others are kept. A last line
    /// without its line feed that cannot be read is ignored, its length in <paramref name="tornBytes"/>. The next
    /// <see cref="Commit"/> rewrites the file in the journal's form with the entries read.
    /// </summary>
    public List<OutboxEntry> Load(out string? problem, out List<string> rejected, out int tornBytes)
    {
        problem = null;
        rejected = [];
        tornBytes = 0;
        _mustRewrite = true;
        _records = 0;
        if (!File.Exists(_path))
        {
            return [];
        }

        try
        {
            var content = File.ReadAllBytes(_path).AsMemory();
            var start = content.Span.IndexOfAnyExcept(" \t\r\n\uFEFF"u8.ToArray());
            if (start < 0)
            {
                return [];
            }

            var setAside = new List<JsonElement>();
            var entries = content.Span[start] == (byte)'['
                ? ReadArray(content, rejected, setAside, out problem)
                : Replay(content, rejected, setAside, out tornBytes);
            if (setAside.Count > 0)
            {
                SetAside(setAside);
            }

            return entries;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = $"{ex.GetType().Name}: {ex.Message}";
            TryMoveAside();
            return [];
        }
    }

    // The journal: every line a JSON object with "add" (entries and their numbers) and/or "done" (numbers).
    private static List<OutboxEntry> Replay(ReadOnlyMemory<byte> content, List<string> rejected, List<JsonElement> setAside, out int tornBytes)
    {
        tornBytes = 0;
        var entries = new List<OutboxEntry?>();
        var positions = new Dictionary<long, int>();
        var lineNumber = 0;
        while (!content.IsEmpty)
        {
            lineNumber++;
            var end = content.Span.IndexOf((byte)'\n');
            var line = end < 0 ? content : content[..end];
            content = end < 0 ? ReadOnlyMemory<byte>.Empty : content[(end + 1)..];
            if (line.Span.Trim(" \t\r"u8).IsEmpty)
            {
                continue;
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(line);
            }
            catch (JsonException ex)
            {
                if (end < 0)
                {
                    tornBytes = line.Length; // the last line, cut short: its change never counted
                    break;
                }

                rejected.Add($"line {lineNumber} (unreadable at byte {ex.BytePositionInLine ?? 0})");
                setAside.Add(JsonSerializer.SerializeToElement(Encoding.UTF8.GetString(line.Span), OutboxJsonContext.Default.String));
                continue;
            }

            using (document)
            {
                ReplayLine(document.RootElement, lineNumber, entries, positions, rejected, setAside);
            }
        }

        return entries.Where(static e => e is not null).ToList()!;
    }

    private static void ReplayLine(JsonElement line, int lineNumber, List<OutboxEntry?> entries, Dictionary<long, int> positions, List<string> rejected, List<JsonElement> setAside)
    {
        var add = line.ValueKind == JsonValueKind.Object && line.TryGetProperty(AddName, out var a) ? a : default;
        var done = line.ValueKind == JsonValueKind.Object && line.TryGetProperty(DoneName, out var d) ? d : default;
        if (add.ValueKind is not (JsonValueKind.Array or JsonValueKind.Undefined)
            || done.ValueKind is not (JsonValueKind.Array or JsonValueKind.Undefined)
            || (add.ValueKind == JsonValueKind.Undefined && done.ValueKind == JsonValueKind.Undefined))
        {
            rejected.Add($"line {lineNumber} ({(line.ValueKind == JsonValueKind.Object ? "not a record of the outbox" : $"a {line.ValueKind.ToString().ToLowerInvariant()}, not a record")})");
            setAside.Add(line.Clone());
            return;
        }

        if (add.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in add.EnumerateArray())
            {
                index++;
                string? why;
                OutboxEntry? entry = null;
                if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty(IdName, out var idElement) || !idElement.TryGetInt64(out var id))
                {
                    why = "no number";
                }
                else if (positions.ContainsKey(id))
                {
                    why = $"number {id} twice";
                }
                else if (!item.TryGetProperty(EntryName, out var element))
                {
                    why = "no entry";
                }
                else if ((entry = Read(element, out why)) is not null)
                {
                    positions.Add(id, entries.Count);
                    entries.Add(entry);
                    continue;
                }
                else
                {
                    why ??= Describe(element);
                }

                rejected.Add($"line {lineNumber} entry {index} ({why})");
                setAside.Add(item.Clone());
            }
        }

        if (done.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in done.EnumerateArray())
            {
                if (item.TryGetInt64(out var id) && positions.Remove(id, out var position))
                {
                    entries[position] = null;
                }

                // A number of no entry waiting (one set aside, say) has nothing to take out.
            }
        }
    }

    // The earlier form: one JSON array of entries, rewritten as a journal at the next commit.
    private List<OutboxEntry> ReadArray(ReadOnlyMemory<byte> content, List<string> rejected, List<JsonElement> setAside, out string? problem)
    {
        problem = null;
        try
        {
            using var document = JsonDocument.Parse(content);
            var entries = new List<OutboxEntry>();
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
                    setAside.Add(element.Clone());
                }

                index++;
            }

            return entries;
        }
        catch (JsonException ex)
        {
            problem = $"{ex.GetType().Name}: {ex.Message}";
            TryMoveAside();
            return [];
        }
    }
}
