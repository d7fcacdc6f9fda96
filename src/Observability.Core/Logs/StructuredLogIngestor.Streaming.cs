using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using Observability.Internal;

namespace Observability;

/// <summary>The streaming readers.</summary>
public sealed partial class StructuredLogIngestor
{
    /// <summary>The smallest and largest batch size of <c>ReadBatchesAsync</c>.</summary>
    private const int MinBatchSize = 1, MaxBatchSize = 100_000;

    /// <summary>The pipe's buffer size over a stream: 64 KiB, so most lines sit in one segment.</summary>
    private const int StreamBufferSize = 64 * 1024;

    /// <summary>Reads records from a stream of UTF-8 lines as they arrive; the stream is left open.</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="statistics">Updated as lines are read (see <see cref="CreateStatistics"/>); optional.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <returns>The records, in input order; rejected lines go to <paramref name="statistics"/>.</returns>
    public IAsyncEnumerable<LogRecord> ReadAsync(Stream stream, LogIngestionStatistics? statistics = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return ReadAsync(PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: StreamBufferSize, leaveOpen: true)), statistics, cancellationToken);
    }

    /// <summary>Reads records from a pipe of UTF-8 lines as they arrive; the reader is completed at the end.</summary>
    /// <param name="reader">The pipe reader.</param>
    /// <param name="statistics">Updated as lines are read (see <see cref="CreateStatistics"/>); optional.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <returns>The records, in input order; rejected lines go to <paramref name="statistics"/>.</returns>
    public async IAsyncEnumerable<LogRecord> ReadAsync(PipeReader reader, LogIngestionStatistics? statistics = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        await foreach (var outcome in ReadOutcomesAsync(reader, statistics ?? NewStatistics(), cancellationToken).ConfigureAwait(false))
        {
            if (outcome.Record is not null)
            {
                yield return outcome.Record;
            }
        }
    }

    /// <summary>Reads a stream of UTF-8 lines in batches; the stream is left open.</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="batchSize">Lines per batch (empty lines count), 1 to 100,000; for example 500.</param>
    /// <param name="statistics">Updated as lines are read; each batch also carries it. Optional.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <returns>One result per <paramref name="batchSize"/> lines (the last may be shorter), with every rejected line of the batch.</returns>
    public IAsyncEnumerable<LogBatchResult> ReadBatchesAsync(Stream stream, int batchSize, LogIngestionStatistics? statistics = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, MinBatchSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(batchSize, MaxBatchSize);
        return ReadBatchesAsync(PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: StreamBufferSize, leaveOpen: true)), batchSize, statistics, cancellationToken);
    }

    /// <summary>Reads a pipe of UTF-8 lines in batches; the reader is completed at the end.</summary>
    /// <param name="reader">The pipe reader.</param>
    /// <param name="batchSize">Lines per batch (empty lines count), 1 to 100,000; for example 500.</param>
    /// <param name="statistics">Updated as lines are read; each batch also carries it. Optional.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    /// <returns>One result per <paramref name="batchSize"/> lines (the last may be shorter), with every rejected line of the batch.</returns>
    public async IAsyncEnumerable<LogBatchResult> ReadBatchesAsync(PipeReader reader, int batchSize, LogIngestionStatistics? statistics = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, MinBatchSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(batchSize, MaxBatchSize);
        statistics ??= NewStatistics();
        var records = new List<LogRecord>();
        var rejected = new List<RejectedLogLine>();
        var lines = 0;
        await foreach (var outcome in ReadOutcomesAsync(reader, statistics, cancellationToken).ConfigureAwait(false))
        {
            Add(outcome, records, rejected);
            if (++lines == batchSize)
            {
                yield return new LogBatchResult(records, rejected, statistics);
                (records, rejected, lines) = (new List<LogRecord>(), new List<RejectedLogLine>(), 0);
            }
        }

        if (lines > 0)
        {
            yield return new LogBatchResult(records, rejected, statistics);
        }
    }

    private async IAsyncEnumerable<LogLineOutcome> ReadOutcomesAsync(PipeReader reader, LogIngestionStatistics statistics, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var splitter = new LogStreamSplitter(_options, statistics);
        var outcomes = new List<LogLineOutcome>();
        try
        {
            while (true)
            {
                var read = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                var consumed = splitter.Process(read.Buffer, read.IsCompleted, outcomes);
                reader.AdvanceTo(consumed, read.Buffer.End);
                foreach (var outcome in outcomes)
                {
                    if (_bucket is not null && !outcome.IsEmpty)
                    {
                        await _bucket.TakeAsync(cancellationToken).ConfigureAwait(false);
                    }

                    yield return outcome;
                }

                outcomes.Clear();
                if (read.IsCompleted || read.IsCanceled)
                {
                    break;
                }
            }
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
        }
    }
}
