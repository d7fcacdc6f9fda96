using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Observability.Internal;

namespace Observability;

/// <summary>
/// The debug-last view: the newest <see cref="ExecutionTrace"/> of a user (or of the service's own work) as text a
/// person reads, with the command, trace id, start, duration, each step with ✅, ❌ or ⏳ and its time, the error and the
/// run link. Redacted, and never longer than <see cref="MaxLength"/> characters (steps that do not fit become one
/// "… N more steps" line). Off unless <see cref="TraceOptions.EnableDebugCommand"/>: then it only says it is disabled.
/// <see cref="RenderDiscordResponse"/> wraps it as an ephemeral Discord interaction response for a bot's slash command.
/// Registered by <c>AddObservability</c>.
/// </summary>
public sealed class DebugLastCommand
{
    /// <summary>The longest text rendered: Discord's limit on a message's content.</summary>
    public const int MaxLength = 2000;

    /// <summary>The text when the command is off.</summary>
    public const string DisabledText = "The debug-last command is disabled (set Observability:Traces:EnableDebugCommand to true to enable it).";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly TraceStore _store;
    private readonly SecretRedactor _redactor;

    /// <summary>Initializes a new instance of the <see cref="DebugLastCommand"/> class.</summary>
    /// <param name="store">The traces.</param>
    /// <param name="redactor">Redacts everything shown.</param>
    /// <param name="options">The switch (<see cref="TraceOptions.EnableDebugCommand"/>).</param>
    public DebugLastCommand(TraceStore store, SecretRedactor redactor, TraceOptions options)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(redactor);
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _redactor = redactor;
        Enabled = options.EnableDebugCommand;
    }

    /// <summary>Gets a value indicating whether the command shows traces.</summary>
    public bool Enabled { get; }

    /// <summary>The newest trace of <paramref name="userId"/> (or of the service's own work) as text.</summary>
    /// <param name="userId">The user; <see langword="null"/> for the service's own work (monitoring passes).</param>
    /// <returns>The view; <see cref="DisabledText"/> when off; a short note when there is no trace.</returns>
    public string Render(string? userId = null)
    {
        if (!Enabled)
        {
            return DisabledText;
        }

        var trace = _store.GetLast(userId, serviceOnly: userId is null);
        return trace is null
            ? userId is null ? "No execution trace of the service recorded yet." : "No execution trace recorded yet for this user."
            : DebugLastText.Render(trace, _redactor, MaxLength);
    }

    /// <summary>
    /// <see cref="Render"/> as the JSON body of a Discord interaction response: type 4 (a message), the text as
    /// <c>data.content</c>, <c>data.flags</c> 64 (ephemeral: only the user who asked sees it) and no mentions.
    /// </summary>
    /// <param name="userId">The user; <see langword="null"/> for the service's own work.</param>
    /// <returns>The JSON text.</returns>
    public string RenderDiscordResponse(string? userId = null)
    {
        var content = Render(userId);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteNumber("type", 4);
            json.WriteStartObject("data");
            json.WriteString("content", content);
            json.WriteNumber("flags", 64);
            json.WriteStartObject("allowed_mentions");
            json.WriteStartArray("parse");
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
