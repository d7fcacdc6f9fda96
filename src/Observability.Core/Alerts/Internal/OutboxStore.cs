using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Observability.Internal;

/// <summary>
/// Keeps one sink's outbox in <c>&lt;directory&gt;/&lt;sink&gt;.outbox.json</c> as a journal: one JSON line per change, appended
/// and handed to the operating system before the change counts (<c>{"add":[{"id":7,"entry":{...}}],"done":[3,4]}</c>: the
/// entries that joined, the numbers of those that left), so a change costs what it changed, not the whole outbox. When the
/// lines of entries gone outweigh the entries waiting, the file is compacted: rewritten with only the waiting entries,
/// through a temporary file and a rename, so a crash leaves either the old or the new file. Amortised, a change is O(1).
/// Reading replays the lines (see <c>OutboxStore.Replay.cs</c>). Not thread-safe: the outbox calls it under its lock.
/// </summary>
internal sealed partial class OutboxStore : IDisposable
{
    /// <summary>The fewest dead records (entries gone, and the numbers that said so) worth a compaction.</summary>
    internal const int CompactionMinimum = 64;

    private static readonly JsonEncodedText AddProperty = JsonEncodedText.Encode(AddName);
    private static readonly JsonEncodedText DoneProperty = JsonEncodedText.Encode(DoneName);
    private static readonly JsonEncodedText IdProperty = JsonEncodedText.Encode(IdName);
    private static readonly JsonEncodedText EntryProperty = JsonEncodedText.Encode(EntryName);
    private readonly string _path;
    private readonly List<OutboxIndex.Node> _added = [];
    private readonly List<long> _removed = [];
    private readonly ArrayBufferWriter<byte> _line = new(4096);
    private readonly Utf8JsonWriter _writer;
    private long _records; // the file's records: each entry added and each number of one gone
    private bool _mustRewrite = true; // the file is not (or may not be) what the appended lines assume: the next write rewrites it
    private FileStream? _append; // the file, open for appending between compactions: a line costs a write, not an open and a close
    private bool _disposed;

    public OutboxStore(string directory, string sinkName)
    {
        Directory.CreateDirectory(directory);
        var safeName = string.Concat(sinkName.Select(static c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
        _path = System.IO.Path.Combine(directory, safeName + ".outbox.json");
        _writer = new Utf8JsonWriter(_line);
    }

    public string FilePath => _path;

    /// <summary>Gets the file where entries that cannot be read are set aside.</summary>
    public string RejectedPath => _path + ".rejected";

    /// <summary>Gets how many records the file holds (for the tests: it stays within a constant of the entries waiting).</summary>
    internal long Records => _records;

    /// <summary>Notes an entry that joined the outbox; it is written at the next <see cref="Commit"/>.</summary>
    public void Added(OutboxIndex.Node node) => _added.Add(node);

    /// <summary>Notes an entry that left the outbox (delivered, refused or dropped); it is written at the next <see cref="Commit"/>.</summary>
    public void Removed(OutboxIndex.Node node) => _removed.Add(node.Sequence);

    /// <summary>
    /// Writes the changes noted since the last commit as one line appended to the file, or compacts the file when dead
    /// records outweigh the <paramref name="waiting"/> entries, or deletes it when none wait. A write that fails leaves the
    /// file to be rewritten whole at the next commit (a line may have been cut short); the exception goes to the caller.
    /// </summary>
    public void Commit(OutboxIndex waiting)
    {
        try
        {
            if (waiting.Count == 0)
            {
                CloseAppend();
                File.Delete(_path);
                _records = 0;
                _mustRewrite = false;
                return;
            }

            var records = _records + _added.Count + _removed.Count;
            var dead = records - waiting.Count;
            if (_mustRewrite || (dead > waiting.Count && dead >= CompactionMinimum))
            {
                Compact(waiting);
                return;
            }

            if (_added.Count == 0 && _removed.Count == 0)
            {
                return;
            }

            _line.ResetWrittenCount();
            WriteLine(_line, _added, _removed);
            Append(_line.WrittenSpan);
            _records = records;
        }
        catch
        {
            CloseAppend(); // the stream may be broken: the rewrite opens the file afresh
            _mustRewrite = true;
            throw;
        }
        finally
        {
            _added.Clear();
            _removed.Clear();
        }
    }

    /// <summary>Closes the file (the outbox is going away); a commit after that (a send that outlived the wait) opens it, writes and closes it again.</summary>
    public void Dispose()
    {
        _disposed = true;
        CloseAppend();
    }

    // One write, unbuffered, so the line reaches the operating system whole or (killed mid-call) cut short, which the
    // replay ignores. Like the rename of a compaction, it is not forced to the disk: it survives the process, not the power.
    // The stream stays open from one line to the next; a compaction (a new file under the name) closes it first.
    private void Append(ReadOnlySpan<byte> line)
    {
        _append ??= new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        _append.Write(line);
        if (_disposed)
        {
            CloseAppend();
        }
    }

    private void CloseAppend()
    {
        _append?.Dispose();
        _append = null;
    }

    /// <summary>Rewrites the file with the waiting entries only, oldest first, a line each, through a temporary file and a rename.</summary>
    private void Compact(OutboxIndex waiting)
    {
        var content = new ArrayBufferWriter<byte>(Math.Max(4096, (int)Math.Min(int.MaxValue / 2, 512L * waiting.Count)));
        var one = new OutboxIndex.Node[1];
        foreach (var node in waiting.Nodes())
        {
            one[0] = node;
            WriteLine(content, one, []);
        }

        _writer.Reset(_line); // the compacted content is not held on to
        CloseAppend(); // the rename puts a new file under the name: lines go to that one
        AtomicFile.Write(_path, content.WrittenSpan);
        _records = waiting.Count;
        _mustRewrite = false;
    }

    // {"add":[{"id":n,"entry":{...}}...],"done":[n...]} and a line feed.
    private void WriteLine(IBufferWriter<byte> output, IReadOnlyList<OutboxIndex.Node> added, List<long> removed)
    {
        _writer.Reset(output); // one JSON value per line: the writer starts afresh on each
        _writer.WriteStartObject();
        if (added.Count > 0)
        {
            _writer.WriteStartArray(AddProperty);
            foreach (var node in added)
            {
                _writer.WriteStartObject();
                _writer.WriteNumber(IdProperty, node.Sequence);
                _writer.WritePropertyName(EntryProperty);
                JsonSerializer.Serialize(_writer, node.Entry, OutboxJsonContext.Default.OutboxEntry);
                _writer.WriteEndObject();
            }

            _writer.WriteEndArray();
        }

        if (removed.Count > 0)
        {
            _writer.WriteStartArray(DoneProperty);
            foreach (var id in removed)
            {
                _writer.WriteNumberValue(id);
            }

            _writer.WriteEndArray();
        }

        _writer.WriteEndObject();
        _writer.Flush();
        output.Write("\n"u8);
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
[JsonSerializable(typeof(string))]
internal sealed partial class OutboxJsonContext : JsonSerializerContext;
