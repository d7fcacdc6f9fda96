using System.Buffers;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;

namespace Observability.Benchmarks;

/// <summary>
/// <see cref="SecretRedactor.RedactText"/> over 1 KB, 10 KB and 100 KB of text, against a plain vectorised scan of the same
/// text (<see cref="MemoryExtensions.IndexOfAny{T}(ReadOnlySpan{T}, SearchValues{T})"/> for characters that never occur).
/// <c>Log</c> is typical JSON log lines with nothing to redact (timestamps, routes, trace ids, durations, a URL);
/// <c>TokenToken</c> and <c>KeyEquals</c> are pathological (<c>tokentoken...</c>, <c>token=token=...</c>) and show that the
/// cost stays linear whatever the text. Read the Ratio and Allocated columns; timings never gate CI.
/// </summary>
[MemoryDiagnoser]
public class RedactionBenchmarks
{
    private static readonly string[] Routes = ["/api/checkout", "/api/cart/items", "/api/users/42", "/health", "/api/payments/authorize"];
    private static readonly string[] Messages = ["request completed", "cache miss, loading from the database", "retrying after a timeout", "order placed", "user signed in"];

    private static readonly SearchValues<char> Absent = SearchValues.Create("\u0000\u0001\u0002");

    private readonly SecretRedactor _redactor = new(new RedactionOptions());
    private string _text = string.Empty;

    /// <summary>The kinds of text.</summary>
    public enum TextKind
    {
        /// <summary>JSON log lines with nothing to redact.</summary>
        Log,

        /// <summary><c>tokentoken...</c>: a key word repeated without separators.</summary>
        TokenToken,

        /// <summary><c>token=token=...</c>: a key and separator repeated.</summary>
        KeyEquals,
    }

    /// <summary>Gets or sets the text's length in characters.</summary>
    [Params(1_024, 10_240, 102_400)]
    public int Size { get; set; }

    /// <summary>Gets or sets the kind of text.</summary>
    [Params(TextKind.Log, TextKind.TokenToken, TextKind.KeyEquals)]
    public TextKind Kind { get; set; }

    /// <summary>Builds the text; the log text must hold nothing to redact.</summary>
    [GlobalSetup]
    public void Setup()
    {
        if (Kind != TextKind.Log)
        {
            var unit = Kind == TextKind.TokenToken ? "token" : "token=";
            _text = string.Concat(Enumerable.Repeat(unit, (Size / unit.Length) + 1))[..Size];
            return;
        }

        var random = new Random(42);
        var start = new DateTimeOffset(2025, 11, 17, 10, 0, 0, TimeSpan.Zero);
        var builder = new StringBuilder(Size + 400);
        for (var i = 0; builder.Length < Size; i++)
        {
            builder.Append(CultureInfo.InvariantCulture,
                $$"""{"ts":"{{start.AddMilliseconds(i * 7):yyyy-MM-ddTHH:mm:ss.fffZ}}","level":"info","service":"cart","msg":"{{Messages[i % Messages.Length]}}","trace_id":"{{random.NextInt64():x16}}{{random.NextInt64():x16}}","route":"{{Routes[i % Routes.Length]}}","status":200,"duration_ms":{{random.Next(1, 400)}},"upstream":"http://127.0.0.1:8080/v1"}""");
            builder.Append('\n');
        }

        _text = builder.ToString(0, Size);
        if (!ReferenceEquals(_redactor.RedactText(_text), _text))
        {
            throw new InvalidOperationException("The benchmark text must hold nothing to redact.");
        }
    }

    /// <summary>A plain vectorised pass over the text.</summary>
    /// <returns>-1.</returns>
    [Benchmark(Baseline = true)]
    public int PlainScan() => _text.AsSpan().IndexOfAny(Absent);

    /// <summary>The redactor over the same text.</summary>
    /// <returns>The text, unchanged.</returns>
    [Benchmark]
    public string RedactText() => _redactor.RedactText(_text);
}
