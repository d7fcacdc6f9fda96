namespace Observability;

/// <summary>
/// A streaming anomaly detector for one series: it sees each sample once, in time order, and
/// answers how anomalous that sample is given everything before it. Implementations keep O(1)
/// state and allocate nothing per sample.
/// </summary>
public interface IAnomalyDetector
{
    /// <summary>Gets the detector's name, as reports and the evaluation table show it.</summary>
    string Name { get; }

    /// <summary>Feeds the next sample of the series and scores it.</summary>
    /// <param name="timestamp">When the sample was measured; samples arrive in time order.</param>
    /// <param name="value">The sample's value.</param>
    /// <returns>The anomaly score of this sample in [0, 1]: 0 is ordinary, 1 is as anomalous as the detector can say.</returns>
    double Update(DateTimeOffset timestamp, double value);

    /// <summary>Forgets every sample seen so far.</summary>
    void Reset();
}
