using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Observability.Samples.RolloutHealth;

/// <summary>The sample's own settings: command-line switches, the data path and the window end.</summary>
internal static class SampleSettings
{
    /// <summary>The configuration key of the file collector's data path.</summary>
    public const string DataPathKey = "Collectors:File:Path";

    /// <summary>The configuration key of the baseline file drift is measured against.</summary>
    public const string BaselineFileKey = "Observability:BaselineFile";

    /// <summary>The configuration key of the end of the judged window.</summary>
    public const string WindowEndKey = "Sample:WindowEnd";

    /// <summary>Short command-line switches and the configuration keys they set.</summary>
    public static IDictionary<string, string> SwitchMappings { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["--output"] = "Observability:Reports:OutputDirectory",
    };

    /// <summary>
    /// Makes a relative data path and baseline file absolute against the application's directory (where
    /// the build copies <c>data/</c>), so the sample finds its data set and baseline whatever the
    /// current directory is. The report directory is left alone: relative to the current directory.
    /// </summary>
    public static void ResolveDataPath(IConfiguration configuration)
    {
        foreach (var key in new[] { DataPathKey, BaselineFileKey })
        {
            var path = configuration[key];
            if (!string.IsNullOrWhiteSpace(path) && !Path.IsPathRooted(path))
            {
                configuration[key] = Path.GetFullPath(path, AppContext.BaseDirectory);
            }
        }
    }

    /// <summary>
    /// Reads <c>Sample:WindowEnd</c> (ISO-8601, UTC assumed when no offset is given);
    /// falls back to the current time when it is empty.
    /// </summary>
    /// <exception cref="FormatException">The value is not a date and time.</exception>
    public static DateTimeOffset WindowEnd(IConfiguration configuration, TimeProvider timeProvider)
    {
        var value = configuration[WindowEndKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            return timeProvider.GetUtcNow();
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var end)
            ? end
            : throw new FormatException($"{WindowEndKey} must be an ISO-8601 date and time such as 2025-11-22T00:00:00Z (was '{value}').");
    }
}
