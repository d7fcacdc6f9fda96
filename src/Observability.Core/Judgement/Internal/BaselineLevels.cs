namespace Observability.Internal;

/// <summary>The baseline levels of <see cref="ObservabilityOptions"/>: the inline values, then the file's.</summary>
internal static class BaselineLevels
{
    public static IReadOnlyDictionary<string, double> From(ObservabilityOptions options)
    {
        var levels = new Dictionary<string, double>(options.Baseline, StringComparer.Ordinal);
        if (options.BaselineFile is { } file)
        {
            foreach (var (metric, value) in StabilityBaseline.Load(file))
            {
                levels[metric] = value;
            }
        }

        return levels;
    }
}
