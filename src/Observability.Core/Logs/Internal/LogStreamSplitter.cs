using System.Buffers;

namespace Observability.Internal;

/// <summary>
/// Cuts a stream of bytes into lines for the streaming readers. A line longer than the maximum is skipped as it
/// arrives (never buffered whole) and reported once its newline, or the end, is reached. Lines are copied into
/// chunks the records keep alive.
/// </summary>
internal sealed class LogStreamSplitter(StructuredLogOptions options, LogIngestionStatistics statistics)
{
    private long _lineNumber;
    private bool _skipping;
    private long _skippedBytes;
    private readonly LineChunk _chunk = new();

    /// <summary>Handles every complete line of <paramref name="buffer"/> and returns where it stopped.</summary>
    public SequencePosition Process(ReadOnlySequence<byte> buffer, bool isCompleted, List<LogLineOutcome> output)
    {
        while (true)
        {
            var newline = buffer.PositionOf((byte)'\n');
            if (newline is null)
            {
                if (_skipping || buffer.Length > options.MaxLineLength + 1L)
                {
                    // Too long already: count the bytes and let them go.
                    _skipping = true;
                    _skippedBytes += buffer.Length;
                    statistics.AddBytes(buffer.Length);
                    buffer = buffer.Slice(buffer.End);
                }

                if (isCompleted)
                {
                    FinishLast(buffer, output);
                    return buffer.End;
                }

                return buffer.Start;
            }

            var line = buffer.Slice(0, newline.Value);
            statistics.AddBytes(line.Length + 1);
            buffer = buffer.Slice(buffer.GetPosition(1, newline.Value));
            output.Add(HandleLine(line));
        }
    }

    private void FinishLast(ReadOnlySequence<byte> rest, List<LogLineOutcome> output)
    {
        if (_skipping)
        {
            output.Add(HandleLine(ReadOnlySequence<byte>.Empty));
        }
        else if (!rest.IsEmpty)
        {
            statistics.AddBytes(rest.Length);
            output.Add(HandleLine(rest));
        }
    }

    private LogLineOutcome HandleLine(ReadOnlySequence<byte> line)
    {
        _lineNumber++;
        if (_skipping)
        {
            _skipping = false;
            var length = _skippedBytes + line.Length;
            _skippedBytes = 0;
            return LogLineHandler.Reject(statistics, LogLineHandler.TooLong(_lineNumber, length, options.MaxLineLength));
        }

        if (line.Length > options.MaxLineLength + 1L)
        {
            return LogLineHandler.Reject(statistics, LogLineHandler.TooLong(_lineNumber, line.Length, options.MaxLineLength));
        }

        return LogLineHandler.Handle(_chunk.Copy(line), _lineNumber, options, statistics, bucket: null);
    }
}
