using System.Text;

namespace Observability.Internal;

/// <summary>
/// Reads UTF-8 lines from a stream with a bounded buffer. A line ends at <c>\n</c>, <c>\r\n</c> or a lone <c>\r</c>
/// (as <see cref="StreamReader.ReadLine()"/> has it); a UTF-8 byte-order mark is skipped. A line longer than the
/// maximum is skipped as its bytes arrive, never held whole, and returned as <see cref="SnapshotLine.TooLong"/> with its
/// length once its end is reached. Bytes that are not valid UTF-8 decode as U+FFFD. The stream is left open.
/// </summary>
internal sealed class SnapshotLineReader(Stream stream, int maxLineLength)
{
    private const int InitialBufferSize = 64 * 1024;

    private readonly int _capacity = checked(maxLineLength + 2); // the longest line, a CR and one more byte
    private byte[] _buffer = new byte[Math.Min(InitialBufferSize, maxLineLength + 2)];
    private int _start;
    private int _end;
    private bool _eof;
    private bool _started;
    private bool _skipping;
    private long _skipped;

    /// <summary>Gets the byte-order mark the stream began with when it was not UTF-8's (<c>UTF-16 LE</c> ...); else <see langword="null"/>.</summary>
    public string? ForeignByteOrderMark { get; private set; }

    /// <summary>Reads the next line; <see cref="SnapshotLine.End"/> at the end of the stream.</summary>
    public async ValueTask<SnapshotLine> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (!_started)
            {
                // The byte-order mark, if any, is looked at once its three bytes are in.
                if (_end < 3 && !_eof)
                {
                    await FillAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }

                _started = true;
                SkipByteOrderMark();
            }

            var available = _buffer.AsSpan(_start, _end - _start);
            var at = available.IndexOfAny((byte)'\n', (byte)'\r');
            if (at >= 0 && (available[at] == '\n' || at + 1 < available.Length || _eof))
            {
                // \r\n counts as one line ending.
                var endingLength = available[at] == '\r' && at + 1 < available.Length && available[at + 1] == '\n' ? 2 : 1;
                var line = available[..at];
                _start += at + endingLength;
                if (_skipping)
                {
                    return FinishSkip(at);
                }

                return line.Length > maxLineLength ? SnapshotLine.TooLong(line.Length) : SnapshotLine.Text(Encoding.UTF8.GetString(line));
            }

            // A trailing \r waits for the next byte: it may be the first half of \r\n.
            var keep = available.Length > 0 && available[^1] == '\r' ? 1 : 0;
            if (_skipping || available.Length - keep > maxLineLength)
            {
                // Too long already: count the bytes and let them go.
                _skipping = true;
                _skipped += available.Length - keep;
                _start = _end - keep;
            }

            if (_eof)
            {
                if (_skipping)
                {
                    return FinishSkip(_end - _start);
                }

                if (_end > _start)
                {
                    var last = _buffer.AsSpan(_start, _end - _start);
                    _start = _end;
                    return SnapshotLine.Text(Encoding.UTF8.GetString(last));
                }

                return SnapshotLine.End;
            }

            await FillAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private SnapshotLine FinishSkip(int tail)
    {
        _skipping = false;
        var length = _skipped + tail;
        _skipped = 0;
        return SnapshotLine.TooLong(length);
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            // Only while a line may still fit: a longer one is skipped (above) before the buffer is full again.
            Array.Resize(ref _buffer, (int)Math.Min((long)_buffer.Length * 2, _capacity));
        }

        var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            _eof = true;
        }

        _end += read;
    }

    private void SkipByteOrderMark()
    {
        var head = _buffer.AsSpan(0, _end);
        if (head.StartsWith("\uFEFF"u8))
        {
            _start = 3;
        }
        else if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            ForeignByteOrderMark = "UTF-16 LE";
        }
        else if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            ForeignByteOrderMark = "UTF-16 BE";
        }
    }
}

/// <summary>One line read by <see cref="SnapshotLineReader"/>.</summary>
/// <param name="Value">The line's text without its line ending; <see langword="null"/> for a skipped line or the end.</param>
/// <param name="Length">The length in bytes of a line too long to read; 0 otherwise.</param>
/// <param name="IsEnd">Whether the stream has ended.</param>
internal readonly record struct SnapshotLine(string? Value, long Length, bool IsEnd)
{
    public static SnapshotLine End => new(null, 0, IsEnd: true);

    public bool IsTooLong => Value is null && !IsEnd;

    public static SnapshotLine Text(string value) => new(value, 0, IsEnd: false);

    public static SnapshotLine TooLong(long length) => new(null, length, IsEnd: false);
}
