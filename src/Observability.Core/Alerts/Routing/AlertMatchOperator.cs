namespace Observability;

/// <summary>How an <see cref="AlertMatcher"/> compares a label's value.</summary>
public enum AlertMatchOperator
{
    /// <summary><c>label=value</c>: equal (ordinal).</summary>
    Equal = 0,

    /// <summary><c>label!=value</c>: not equal.</summary>
    NotEqual = 1,

    /// <summary><c>label=~regex</c>: the whole value matches the regular expression.</summary>
    Regex = 2,

    /// <summary><c>label!~regex</c>: the whole value does not match.</summary>
    NotRegex = 3,
}
