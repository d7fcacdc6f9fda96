using System.Globalization;
using System.Text.RegularExpressions;

namespace Observability.Internal;

/// <summary>Accumulates one log, line by line, into a <see cref="CiLogAnalysis"/>.</summary>
internal sealed class CiLogReadState
{
    private const string GroupMarker = "##[group]";
    private const string EndGroupMarker = "##[endgroup]";
    private const string ErrorMarker = "##[error]";
    private const string WarningMarker = "##[warning]";

    private readonly string _source;
    private readonly (string Metric, Regex Regex)[] _rules;
    private readonly ICiErrorClassifier _classifier;
    private readonly double[] _counts;
    private readonly SortedDictionary<string, int> _categories = new(StringComparer.Ordinal);
    private readonly Queue<string> _context = new(CiLogParser.ContextLines);
    private readonly List<CiLogStep> _steps = [];
    private readonly List<CiLogAnnotation> _errors = [];
    private readonly List<CiLogAnnotation> _warnings = [];
    private DateTimeOffset? _first;
    private DateTimeOffset? _last;
    private string? _step;
    private bool _runStepSeen;
    private int _errorCount;
    private int _warningCount;
    private int _truncated;
    private string? _timedOut;
    private string? _cancelled;
    private string? _exitCode;
    private bool _cleanupSeen;

    public CiLogReadState(string source, (string Metric, Regex Regex)[] rules, ICiErrorClassifier classifier)
    {
        _source = source;
        _rules = rules;
        _classifier = classifier;
        _counts = new double[rules.Length];
    }

    public int LineCount { get; private set; }

    public void Add(string line, bool truncated)
    {
        LineCount++;
        if (truncated)
        {
            _truncated++;
        }

        if (LineCount == 1 && line.Length > 0 && line[0] == '\uFEFF')
        {
            line = line[1..];
        }

        DateTimeOffset? timestamp = null;
        if (CiLogPatterns.TrySplitTimestamp(line, out var parsed, out var text))
        {
            timestamp = parsed;
            _first ??= parsed;
            _last = parsed;
        }

        text = CiLogPatterns.StripAnsi(text);
        CountRules(text);

        if (text.StartsWith(GroupMarker, StringComparison.Ordinal))
        {
            var name = text[GroupMarker.Length..].Trim();
            _steps.Add(new CiLogStep(name, LineCount, timestamp));
            var isRun = name.StartsWith("Run ", StringComparison.Ordinal);
            if (isRun || !_runStepSeen)
            {
                _step = name;
            }

            _runStepSeen |= isRun;
        }
        else if (text.StartsWith(ErrorMarker, StringComparison.Ordinal))
        {
            AddError(text[ErrorMarker.Length..], timestamp);
        }
        else if (text.StartsWith(WarningMarker, StringComparison.Ordinal))
        {
            AddWarning(text[WarningMarker.Length..], timestamp);
        }
        else if (text.StartsWith("::", StringComparison.Ordinal) && CiLogPatterns.WorkflowCommand().Match(text) is { Success: true } command)
        {
            var message = command.Groups["message"].Value;
            if (command.Groups["level"].Value == "error")
            {
                AddError(message, timestamp);
            }
            else
            {
                AddWarning(message, timestamp);
            }
        }
        else if (!text.StartsWith(EndGroupMarker, StringComparison.Ordinal) && text.StartsWith("Cleaning up orphan processes", StringComparison.Ordinal))
        {
            _cleanupSeen = true;
        }

        if (_context.Count == CiLogParser.ContextLines)
        {
            _context.Dequeue();
        }

        _context.Enqueue(text);
    }

    public CiLogAnalysis Complete()
    {
        var counters = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < _rules.Length; i++)
        {
            counters[_rules[i].Metric] = counters.GetValueOrDefault(_rules[i].Metric) + _counts[i];
        }

        var (conclusion, reason) = Conclude();
        return new CiLogAnalysis
        {
            Source = _source,
            LineCount = LineCount,
            StartedAt = _first,
            FinishedAt = _last,
            Conclusion = conclusion,
            Reason = reason,
            Steps = _steps,
            Errors = _errors,
            Warnings = _warnings,
            ErrorCount = _errorCount,
            ErrorCategories = _categories,
            WarningCount = _warningCount,
            Counters = counters,
            TruncatedLines = _truncated,
        };
    }

    private (CiRunConclusion Conclusion, string Reason) Conclude()
    {
        if (LineCount == 0)
        {
            return (CiRunConclusion.Unknown, "the log is empty");
        }

        if (_timedOut is not null)
        {
            return (CiRunConclusion.TimedOut, $"timed out: {_timedOut}");
        }

        if (_cancelled is not null)
        {
            return (CiRunConclusion.Cancelled, $"cancelled: {_cancelled}");
        }

        if (_errorCount > 0)
        {
            var first = _errors[0];
            return (CiRunConclusion.Failure, _exitCode is not null
                ? string.Create(CultureInfo.InvariantCulture, $"{_errorCount} error line(s); {_exitCode}; first at line {first.LineNumber} in '{first.Step ?? "-"}': {first.Message}")
                : string.Create(CultureInfo.InvariantCulture, $"{_errorCount} error line(s); first at line {first.LineNumber} in '{first.Step ?? "-"}': {first.Message}"));
        }

        return (CiRunConclusion.Success, _cleanupSeen
            ? string.Create(CultureInfo.InvariantCulture, $"no error line in {LineCount} lines; the runner finished the job (Cleaning up orphan processes)")
            : string.Create(CultureInfo.InvariantCulture, $"no error line in {LineCount} lines (no runner completion marker: the log may be partial)"));
    }

    private void AddError(string message, DateTimeOffset? timestamp)
    {
        _errorCount++;
        message = message.Trim();
        if (_timedOut is null && CiLogPatterns.TimedOut().IsMatch(message))
        {
            _timedOut = message;
        }
        else if (_cancelled is null && CiLogPatterns.Cancelled().IsMatch(message))
        {
            _cancelled = message;
        }
        else if (_exitCode is null && CiLogPatterns.ExitCode().IsMatch(message))
        {
            _exitCode = message;
        }

        // Every error line is classified, also those beyond the kept list, so the categories add up to the count.
        var error = new CiLogAnnotation(CiAnnotationLevel.Error, LineCount, timestamp, _step, message) { Context = [.. _context] };
        var category = _classifier.Classify(error)?.Category;
        category = string.IsNullOrWhiteSpace(category) ? CiErrorCategories.Unknown : category.Trim();
        _categories[category] = _categories.GetValueOrDefault(category) + 1;
        if (_errors.Count < CiLogParser.MaxAnnotations)
        {
            _errors.Add(error);
        }
    }

    private void AddWarning(string message, DateTimeOffset? timestamp)
    {
        _warningCount++;
        if (_warnings.Count < CiLogParser.MaxAnnotations)
        {
            _warnings.Add(new CiLogAnnotation(CiAnnotationLevel.Warning, LineCount, timestamp, _step, message.Trim()));
        }
    }

    private void CountRules(string text)
    {
        for (var i = 0; i < _rules.Length; i++)
        {
            try
            {
                if (_rules[i].Regex.IsMatch(text))
                {
                    _counts[i]++;
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // A pathological pattern on one line counts as no match rather than stalling the whole log.
            }
        }
    }
}
