namespace Observability;

/// <summary>A day's CPU and memory utilisation, ratios in [0, 1].</summary>
/// <param name="CpuMeasured">How many usable snapshots carried CPU utilisation.</param>
/// <param name="CpuAverage">The mean CPU utilisation; <see langword="null"/> when none was measured.</param>
/// <param name="CpuPeak">The highest CPU utilisation.</param>
/// <param name="MemoryMeasured">How many usable snapshots carried memory utilisation.</param>
/// <param name="MemoryAverage">The mean memory utilisation; <see langword="null"/> when none was measured.</param>
/// <param name="MemoryPeak">The highest memory utilisation.</param>
public sealed record ResourceAggregate(int CpuMeasured, double? CpuAverage, double? CpuPeak, int MemoryMeasured, double? MemoryAverage, double? MemoryPeak);
