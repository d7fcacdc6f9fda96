using System.Text;
using System.Text.RegularExpressions;
using Observability.Internal;

namespace Observability;

/// <summary>
/// Parses CI logs: plain text, or the GitHub Actions format (a timestamp per line, <c>##[group]</c>,
/// <c>##[endgroup]</c>, <c>##[error]</c>, <c>##[warning]</c> markers and <c>::error::</c> workflow commands).
/// Finds the steps, the error and warning lines with the step in force, the conclusion, and counts the
/// lines matching each <see cref="CiLogRule"/>, and puts every error line in a category with an
/// <see cref="ICiErrorClassifier"/> (<see cref="CiLogAnalysis.ErrorCategories"/>). Lines longer than
/// <see cref="MaxLineLength"/> are cut, not loaded.
/// </summary>
public sealed class CiLogParser
{
    /// <summary>The default cut for one line: 64 Ki characters.</summary>
    public const int DefaultMaxLineLength = 64 * 1024;

    /// <summary>The most error (and warning) lines kept one by one; further ones are only counted.</summary>
    public const int MaxAnnotations = 1000;

    /// <summary>How many lines above an error line are kept as its context.</summary>
    public const int ContextLines = 20;

    private static readonly TimeSpan RuleTimeout = TimeSpan.FromMilliseconds(CiLogPatterns.TimeoutMilliseconds);
    private readonly (string Metric, Regex Regex)[] _rules;
    private readonly ICiErrorClassifier _classifier;

    /// <summary>Initializes a new instance of the <see cref="CiLogParser"/> class.</summary>
    /// <param name="rules">The counting rules; none by default.</param>
    /// <param name="maxLineLength">The longest line kept, in characters (at least 80).</param>
    /// <param name="classifier">Puts each error line in a category; <see cref="CiErrorClassifier.Instance"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">A rule has no metric or an invalid pattern.</exception>
    public CiLogParser(IEnumerable<CiLogRule>? rules = null, int maxLineLength = DefaultMaxLineLength, ICiErrorClassifier? classifier = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineLength, 80);
        MaxLineLength = maxLineLength;
        _rules = (rules ?? []).Select(Compile).ToArray();
        _classifier = classifier ?? CiErrorClassifier.Instance;
    }

    /// <summary>Gets a parser with no rules, the default line cut and the rule-based <see cref="CiErrorClassifier"/>.</summary>
    public static CiLogParser Default { get; } = new();

    /// <summary>Gets the longest line kept, in characters.</summary>
    public int MaxLineLength { get; }

    /// <summary>Parses a log from a reader.</summary>
    /// <param name="reader">The log text.</param>
    /// <param name="source">Where the log came from; named in the result.</param>
    /// <param name="cancellationToken">Stops a long read.</param>
    /// <returns>The analysis.</returns>
    public CiLogAnalysis Parse(TextReader reader, string source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        var lines = new BoundedLineReader(reader, MaxLineLength);
        var state = new CiLogReadState(source, _rules, _classifier);
        while (lines.ReadLine() is { } line)
        {
            if ((state.LineCount & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            state.Add(line, lines.LastLineTruncated);
        }

        return state.Complete();
    }

    /// <summary>Parses a log from a stream (UTF-8 unless a byte order mark says otherwise; the stream is left open).</summary>
    /// <param name="stream">The log bytes.</param>
    /// <param name="source">Where the log came from; named in the result.</param>
    /// <param name="cancellationToken">Stops a long read.</param>
    /// <returns>The analysis.</returns>
    public CiLogAnalysis Parse(Stream stream, string source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 8192, leaveOpen: true);
        return Parse(reader, source, cancellationToken);
    }

    /// <summary>Parses a log already split into lines.</summary>
    /// <param name="lines">The lines, without line ends.</param>
    /// <param name="source">Where the log came from; named in the result.</param>
    /// <returns>The analysis.</returns>
    public CiLogAnalysis Parse(IEnumerable<string> lines, string source)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        var state = new CiLogReadState(source, _rules, _classifier);
        foreach (var line in lines)
        {
            var truncated = line is not null && line.Length > MaxLineLength;
            state.Add(truncated ? line![..MaxLineLength] : line ?? string.Empty, truncated);
        }

        return state.Complete();
    }

    private static (string Metric, Regex Regex) Compile(CiLogRule rule, int index)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (string.IsNullOrWhiteSpace(rule.Metric))
        {
            throw new ArgumentException($"Rule {index} has no Metric.", nameof(rule));
        }

        if (string.IsNullOrEmpty(rule.Pattern))
        {
            throw new ArgumentException($"Rule {index} ('{rule.Metric}') has no Pattern.", nameof(rule));
        }

        try
        {
            return (rule.Metric.Trim(), new Regex(rule.Pattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, RuleTimeout));
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"Rule {index} ('{rule.Metric}') has an invalid Pattern: {e.Message}", nameof(rule), e);
        }
    }
}
