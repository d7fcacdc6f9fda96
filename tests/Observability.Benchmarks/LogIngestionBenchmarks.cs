using System.Globalization;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace Observability.Benchmarks;

/// <summary>
/// Parsing 100,000 typical JSON log lines (about 260 bytes each) with <see cref="StructuredLogIngestor"/>, against a
/// bare <see cref="Utf8JsonReader"/> scan of the same bytes (split at newlines, every token read, nothing kept).
/// Lines per second = 100,000 / Mean. Read the Ratio column; timings never gate CI.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
public class LogIngestionBenchmarks
{
    private const int LineCount = 100_000;
    private const int BatchSize = 1_000;
    private static readonly string[] Routes = ["/api/checkout", "/api/cart/items", "/api/users/{id}", "/health", "/api/payments/authorize"];
    private static readonly string[] Levels = ["info", "info", "info", "warn", "error", "debug"];

    private readonly StructuredLogIngestor _ingestor = new();
    private byte[] _bytes = [];
    private int[] _batchStarts = [];

    /// <summary>Builds the lines and checks them once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var builder = new StringBuilder(LineCount * 260);
        var start = new DateTimeOffset(2025, 11, 17, 10, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < LineCount; i++)
        {
            var status = random.Next(100) < 3 ? 503 : 200;
            builder.Append(CultureInfo.InvariantCulture,
                $$"""{"timestamp":"{{start.AddMilliseconds(i * 7):yyyy-MM-ddTHH:mm:ss.fffZ}}","service":"cart","level":"{{Levels[i % Levels.Length]}}","message":"ok","trace_id":"{{random.NextInt64():x16}}{{random.NextInt64():x16}}","span_id":"{{random.NextInt64():x16}}","duration_ms":{{(random.NextDouble() * 400).ToString("0.##", CultureInfo.InvariantCulture)}},"region":"eu-west","route":"{{Routes[i % Routes.Length]}}","method":"GET","status_code":{{status}}}""");
            builder.Append('\n');
        }

        _bytes = Encoding.UTF8.GetBytes(builder.ToString());
        var result = _ingestor.ParseBatch(_bytes);
        if (result.Records.Count != LineCount || result.Rejected.Count != 0)
        {
            throw new InvalidOperationException($"Expected {LineCount} records, got {result}: {string.Join("; ", result.Rejected.Take(3))}");
        }

        // Where each batch of 1,000 lines starts (the last entry is the end).
        var starts = new List<int> { 0 };
        for (int i = 0, lines = 0; i < _bytes.Length; i++)
        {
            if (_bytes[i] == (byte)'\n' && ++lines % BatchSize == 0)
            {
                starts.Add(i + 1);
            }
        }

        _batchStarts = [.. starts];
        if (_batchStarts[^1] != _bytes.Length || ParseBatches() != LineCount)
        {
            throw new InvalidOperationException("The 1,000-line batches do not cover the lines.");
        }

        Console.WriteLine($"// {LineCount} lines, {_bytes.Length} bytes, {_bytes.Length / (double)LineCount:0.#} bytes a line");
    }

    /// <summary>Only scans the bytes: the floor any JSON lines parser stands on.</summary>
    /// <returns>The number of tokens, so nothing is optimised away.</returns>
    [Benchmark(Baseline = true)]
    public int Utf8JsonReaderScan()
    {
        var tokens = 0;
        var rest = _bytes.AsSpan();
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOf((byte)'\n');
            var line = end < 0 ? rest : rest[..end];
            var reader = new Utf8JsonReader(line);
            while (reader.Read())
            {
                tokens++;
            }

            rest = end < 0 ? [] : rest[(end + 1)..];
        }

        return tokens;
    }

    /// <summary>Parses all the lines in one batch into records (typed fields parsed, text fields kept as slices).</summary>
    /// <returns>The number of records.</returns>
    [Benchmark]
    public int ParseBatch() => _ingestor.ParseBatch(_bytes).Records.Count;

    /// <summary>
    /// Parses the lines in batches of 1,000 (the batch size the ingestor is meant for), so the records of one batch
    /// die young instead of 100,000 of them living through collections together.
    /// </summary>
    /// <returns>The number of records.</returns>
    [Benchmark]
    public int ParseBatches()
    {
        var count = 0;
        for (var b = 1; b < _batchStarts.Length; b++)
        {
            count += _ingestor.ParseBatch(_bytes.AsSpan(_batchStarts[b - 1], _batchStarts[b] - _batchStarts[b - 1])).Records.Count;
        }

        return count;
    }

    /// <summary>Reads the same bytes as a stream, record by record.</summary>
    /// <returns>The number of records.</returns>
    [Benchmark]
    public async Task<int> ReadAsyncStream()
    {
        var count = 0;
        using var stream = new MemoryStream(_bytes, writable: false);
        await foreach (var unused in _ingestor.ReadAsync(stream).ConfigureAwait(false))
        {
            count++;
        }

        return count;
    }
}
