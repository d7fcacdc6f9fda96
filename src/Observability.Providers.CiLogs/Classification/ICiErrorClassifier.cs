namespace Observability;

/// <summary>Puts CI error lines, and whole CI logs, into categories (see <see cref="CiErrorCategories"/>).</summary>
public interface ICiErrorClassifier : IClassifier<CiLogAnnotation>
{
    /// <summary>
    /// Classifies a piece of log text with no error marker of its own (for example an API response printed by a
    /// script), looking at every line.
    /// </summary>
    /// <param name="lines">The lines, timestamps allowed.</param>
    /// <returns>The category of the most telling line, with the lines that matched as evidence.</returns>
    Classification ClassifyLines(IEnumerable<string> lines);

    /// <summary>
    /// Classifies a parsed log: its error lines with their context first, then, when they say nothing specific,
    /// <paramref name="lines"/> if given.
    /// </summary>
    /// <param name="analysis">The parsed log.</param>
    /// <param name="lines">The log lines, to scan when the error lines are not telling; optional.</param>
    /// <returns>The category of the run's failure; <see cref="CiErrorCategories.Unknown"/> when none matched.</returns>
    Classification ClassifyLog(CiLogAnalysis analysis, IEnumerable<string>? lines = null);
}
