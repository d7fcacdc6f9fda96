using System.Buffers;
using System.Text.RegularExpressions;

namespace Observability;

/// <summary>
/// A condition on one label of an alert, written as Alertmanager writes it: <c>service=checkout</c>,
/// <c>environment!=staging</c>, <c>severity=~warning|info</c>, <c>region!~eu-.*</c>. Besides the alert's
/// labels, <c>rule</c> (or <c>alertname</c>) is the alert's rule and <c>severity</c> its severity in lower
/// case. A missing label has the empty value. Regular expressions match the whole value.
/// </summary>
public sealed class AlertMatcher
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(100);
    private static readonly SearchValues<char> RegexSyntax = SearchValues.Create("\\*+?{}[]()^$.# \t\r\n\f\v");
    private readonly Regex? _regex;
    private readonly string[]? _literals; // a regex that is only literals in alternation ("warning|info"): its alternatives

    private AlertMatcher(string label, AlertMatchOperator @operator, string value)
    {
        Label = label;
        Operator = @operator;
        Value = value;
        if (@operator is AlertMatchOperator.Regex or AlertMatchOperator.NotRegex)
        {
            // Anchored, case-sensitive: a pattern of plain words in alternation matches exactly one of them, which an
            // ordinal comparison answers without running the regular expression (the default inhibition rule's targets).
            if (value.AsSpan().ContainsAny(RegexSyntax))
            {
                _regex = new Regex($"^(?:{value})$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, RegexTimeout);
            }
            else
            {
                _literals = value.Split('|');
            }
        }
    }

    /// <summary>Gets the label name (or <c>rule</c>, <c>alertname</c>, <c>severity</c>).</summary>
    public string Label { get; }

    /// <summary>Gets the comparison.</summary>
    public AlertMatchOperator Operator { get; }

    /// <summary>Gets the value or regular expression.</summary>
    public string Value { get; }

    /// <summary>Parses <c>label=value</c>, <c>label!=value</c>, <c>label=~regex</c> or <c>label!~regex</c>.</summary>
    /// <param name="text">The matcher; the value may be quoted.</param>
    /// <returns>The matcher.</returns>
    /// <exception cref="FormatException">The text is not a matcher, or its regular expression is invalid; the message says which and why.</exception>
    public static AlertMatcher Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!TryParse(text, out var matcher, out var error))
        {
            throw new FormatException(error);
        }

        return matcher;
    }

    /// <summary>Parses a matcher without throwing.</summary>
    /// <param name="text">The matcher.</param>
    /// <param name="matcher">The matcher, when the text is valid.</param>
    /// <param name="error">Why the text is not a matcher, otherwise.</param>
    /// <returns><see langword="true"/> when the text is a valid matcher.</returns>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out AlertMatcher? matcher, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        matcher = null;
        var trimmed = text?.Trim() ?? string.Empty;
        var at = trimmed.IndexOfAny(['=', '!']);
        if (at <= 0)
        {
            error = $"'{text}' is not a matcher: expected label=value, label!=value, label=~regex or label!~regex.";
            return false;
        }

        var label = trimmed[..at].Trim();
        var rest = trimmed[at..];
        (AlertMatchOperator op, int length) = rest switch
        {
            _ when rest.StartsWith("!=", StringComparison.Ordinal) => (AlertMatchOperator.NotEqual, 2),
            _ when rest.StartsWith("=~", StringComparison.Ordinal) => (AlertMatchOperator.Regex, 2),
            _ when rest.StartsWith("!~", StringComparison.Ordinal) => (AlertMatchOperator.NotRegex, 2),
            _ when rest.StartsWith('=') => (AlertMatchOperator.Equal, 1),
            _ => ((AlertMatchOperator)(-1), 0),
        };
        if (length == 0 || label.Length == 0 || label.Any(char.IsWhiteSpace))
        {
            error = $"'{text}' is not a matcher: expected label=value, label!=value, label=~regex or label!~regex.";
            return false;
        }

        var value = rest[length..].Trim();
        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
        {
            value = value[1..^1];
        }

        try
        {
            matcher = new AlertMatcher(label, op, value);
        }
        catch (ArgumentException ex)
        {
            error = $"'{text}' has an invalid regular expression: {ex.Message}";
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>Tells whether the alert satisfies the condition.</summary>
    /// <param name="alert">The alert.</param>
    /// <returns><see langword="true"/> when it does.</returns>
    public bool Matches(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var actual = ValueOf(alert, Label);
        return Operator switch
        {
            AlertMatchOperator.Equal => string.Equals(actual, Value, StringComparison.Ordinal),
            AlertMatchOperator.NotEqual => !string.Equals(actual, Value, StringComparison.Ordinal),
            AlertMatchOperator.Regex => MatchesPattern(actual),
            _ => !MatchesPattern(actual),
        };
    }

    /// <inheritdoc />
    public override string ToString() => Operator switch
    {
        AlertMatchOperator.Equal => $"{Label}={Value}",
        AlertMatchOperator.NotEqual => $"{Label}!={Value}",
        AlertMatchOperator.Regex => $"{Label}=~{Value}",
        _ => $"{Label}!~{Value}",
    };

    /// <summary>The value a matcher or an inhibition's <c>Equal</c> list sees for a label name.</summary>
    private bool MatchesPattern(string actual)
    {
        if (_literals is null)
        {
            return _regex!.IsMatch(actual);
        }

        foreach (var literal in _literals)
        {
            if (string.Equals(literal, actual, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    internal static string ValueOf(Alert alert, string label) => label switch
    {
        "rule" or "alertname" => alert.Rule,
        "severity" => SeverityName(alert.Severity),
        _ => alert.Labels.GetValueOrDefault(label) ?? string.Empty,
    };

    internal static string SeverityName(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Info => "info",
        AlertSeverity.Warning => "warning",
        AlertSeverity.Error => "error",
        _ => "critical",
    };
}
