namespace Observability;

/// <summary>Says what a signal means: its category, how sure, and why.</summary>
/// <typeparam name="TSignal">The kind of signal classified (a snapshot, a log line, an error message...).</typeparam>
public interface IClassifier<in TSignal>
{
    /// <summary>Classifies one signal. Classifiers are pure: no I/O, no exception for odd input.</summary>
    /// <param name="signal">The signal.</param>
    /// <returns>The classification with its evidence.</returns>
    Classification Classify(TSignal signal);
}
