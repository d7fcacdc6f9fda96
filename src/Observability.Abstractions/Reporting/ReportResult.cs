namespace Observability;

/// <summary>What happened when a report was written.</summary>
/// <param name="Format">The reporter's format.</param>
/// <param name="Path">The file written, or <see langword="null"/> when writing failed.</param>
/// <param name="Error">What failed, or <see langword="null"/> on success.</param>
public sealed record ReportResult(string Format, string? Path, string? Error)
{
    /// <summary>Gets a value indicating whether the report was written.</summary>
    public bool Succeeded => Error is null;
}
