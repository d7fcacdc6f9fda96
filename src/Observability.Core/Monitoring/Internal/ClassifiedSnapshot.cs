namespace Observability.Internal;

/// <summary>A snapshot with its classification; usable when it carries values to evaluate.</summary>
internal readonly record struct ClassifiedSnapshot(MetricSnapshot Snapshot, Classification Classification)
{
    public bool Usable => Classification.Category is not (SignalCategories.CollectEmptySource or SignalCategories.CollectFailed);
}
