namespace Observability.Internal;

/// <summary>What every reporter's options share: the file name, checked at start-up by <see cref="ReporterOptionsValidator{TOptions}"/>.</summary>
internal interface IReporterOptions
{
    /// <summary>Gets the file name without extension; <see langword="null"/> for the reporter's default.</summary>
    string? FileName { get; }
}
