namespace Observability.Eval.Storm;

/// <summary>A storm that could not be measured (Alertmanager unreachable or refusing, or a side that did not take every alert); the message says why.</summary>
internal sealed class StormException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StormException()
    {
    }

    /// <summary>Creates the exception with its message.</summary>
    public StormException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public StormException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
