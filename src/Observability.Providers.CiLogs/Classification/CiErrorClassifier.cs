using System.Globalization;
using System.Text.RegularExpressions;
using Observability.Internal;

namespace Observability;

/// <summary>
/// Rule-based <see cref="ICiErrorClassifier"/>. An error line is matched first on its own message, then on the lines
/// just above it (where the cause usually is: <c>mv: cannot stat …</c> before <c>Process completed with exit code 1.</c>).
/// The rules are tried most specific first (see <see cref="CiErrorCategories"/>); every match is reported as evidence.
/// </summary>
public sealed class CiErrorClassifier : ICiErrorClassifier
{
    /// <summary>The confidence of a match on the error line itself.</summary>
    public const double MessageConfidence = 0.9;

    /// <summary>The confidence of a match on a line above the error line.</summary>
    public const double ContextConfidence = 0.7;

    /// <summary>The confidence of a match found by scanning plain lines.</summary>
    public const double LinesConfidence = 0.6;

    private const int MaxEvidence = 5;
    private const int MaxEvidenceLength = 300;

    /// <summary>Gets a shared instance.</summary>
    public static CiErrorClassifier Instance { get; } = new();

    /// <inheritdoc />
    public Classification Classify(CiLogAnnotation signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        if (Match(signal.Message) is { } own)
        {
            return new Classification(own.Category, MessageConfidence,
                string.Create(CultureInfo.InvariantCulture, $"line {signal.LineNumber} in '{signal.Step ?? "-"}' matches {own.Category} ('{own.Span}')"))
            {
                Evidence = [Cut(signal.Message)],
            };
        }

        var context = Best(signal.Context.Reverse());
        return context is { } found
            ? new Classification(found.Category, ContextConfidence,
                string.Create(CultureInfo.InvariantCulture, $"line {signal.LineNumber} in '{signal.Step ?? "-"}' ({Cut(signal.Message)}) follows {found.Evidence.Count} line(s) matching {found.Category} ('{found.Span}')"))
            {
                Evidence = [Cut(signal.Message), .. found.Evidence],
            }
            : Unknown(string.Create(CultureInfo.InvariantCulture, $"no rule matches line {signal.LineNumber} ({Cut(signal.Message)}) or the {signal.Context.Count} lines above it"), [Cut(signal.Message)]);
    }

    /// <inheritdoc />
    public Classification ClassifyLines(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var texts = lines.Select(static line => CiLogPatterns.TrySplitTimestamp(line.TrimStart('\uFEFF'), out _, out var text) ? text : line.TrimStart('\uFEFF'));
        return Best(texts) is { } found
            ? new Classification(found.Category, LinesConfidence,
                string.Create(CultureInfo.InvariantCulture, $"{found.Evidence.Count} line(s) match {found.Category} ('{found.Span}')"))
            {
                Evidence = found.Evidence,
            }
            : Unknown("no rule matches any line", []);
    }

    /// <inheritdoc />
    public Classification ClassifyLog(CiLogAnalysis analysis, IEnumerable<string>? lines = null)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        Classification? fromContext = null;
        foreach (var error in analysis.Errors)
        {
            var result = Classify(error);
            if (result.Confidence >= MessageConfidence)
            {
                return result;
            }

            if (fromContext is null && result.Category != CiErrorCategories.Unknown)
            {
                fromContext = result;
            }
        }

        if (fromContext is not null)
        {
            return fromContext;
        }

        if (lines is not null && ClassifyLines(lines) is { } scanned && scanned.Category != CiErrorCategories.Unknown)
        {
            return scanned;
        }

        return Unknown(analysis.ErrorCount == 0
            ? $"{analysis.Source} has no error line and no line matches a rule"
            : string.Create(CultureInfo.InvariantCulture, $"no rule matches the {analysis.ErrorCount} error line(s) of {analysis.Source} or the lines above them"), []);
    }

    private static (string Category, string Span)? Match(string text)
    {
        text = CiLogPatterns.StripAnsi(text);
        foreach (var (category, regex) in CiErrorRules.All)
        {
            try
            {
                if (regex.Match(text) is { Success: true } match)
                {
                    return (category, match.Value);
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // A pathological line is left unclassified by this rule rather than stalling the pass.
            }
        }

        return null;
    }

    private static (string Category, string Span, IReadOnlyList<string> Evidence)? Best(IEnumerable<string> texts)
    {
        var bestRank = int.MaxValue;
        string? span = null;
        var evidence = new List<string>();
        foreach (var raw in texts)
        {
            var text = CiLogPatterns.StripAnsi(raw).Trim();
            if (text.Length == 0 || Match(text) is not { } match)
            {
                continue;
            }

            var rank = Rank(match.Category);
            if (rank < bestRank)
            {
                bestRank = rank;
                span = match.Span;
                evidence.Clear();
            }

            if (rank == bestRank && evidence.Count < MaxEvidence)
            {
                evidence.Add(Cut(text));
            }
        }

        return span is null ? null : (CiErrorRules.All[bestRank].Category, span, evidence);
    }

    private static int Rank(string category)
    {
        for (var i = 0; i < CiErrorRules.All.Count; i++)
        {
            if (CiErrorRules.All[i].Category == category)
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    private static string Cut(string text) => text.Length <= MaxEvidenceLength ? text : string.Concat(text.AsSpan(0, MaxEvidenceLength), "…");

    private static Classification Unknown(string reason, IReadOnlyList<string> evidence)
        => new(CiErrorCategories.Unknown, 0, reason) { Evidence = evidence };
}
