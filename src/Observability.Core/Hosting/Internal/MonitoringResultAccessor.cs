namespace Observability.Internal;

/// <summary>Holds the last pass's result; written by the monitor after every pass.</summary>
internal sealed class MonitoringResultAccessor : IMonitoringResultAccessor
{
    private volatile MonitoringPassResult? _last;

    public MonitoringPassResult? LastResult => _last;

    public void Record(MonitoringPassResult result) => _last = result;
}
