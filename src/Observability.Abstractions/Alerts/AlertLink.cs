namespace Observability;

/// <summary>A link attached to an alert, for example the CI run or a dashboard.</summary>
/// <param name="Title">The text shown for the link.</param>
/// <param name="Url">The address.</param>
public sealed record AlertLink(string Title, Uri Url);
