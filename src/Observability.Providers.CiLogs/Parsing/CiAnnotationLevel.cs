namespace Observability;

/// <summary>The level of an annotation line in a CI log.</summary>
public enum CiAnnotationLevel
{
    /// <summary>A <c>##[error]</c> or <c>::error::</c> line.</summary>
    Error = 0,

    /// <summary>A <c>##[warning]</c> or <c>::warning::</c> line.</summary>
    Warning = 1,
}
