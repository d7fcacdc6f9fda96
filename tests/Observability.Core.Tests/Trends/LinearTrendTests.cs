using MathNet.Numerics;
using static Observability.Core.Tests.Aggregation.AggregationData;

namespace Observability.Core.Tests.Trends;

public sealed class LinearTrendTests
{
    // value = 100 + 10 x hour, at hours 0..4.
    private static readonly (DateTimeOffset Time, double Value)[] Rising = [.. Enumerable.Range(0, 5).Select(h => (At(h), 100.0 + (10 * h)))];

    [Fact]
    public void Fit_ExactLine_RecoversSlopeInterceptAndPerfectFit()
    {
        var line = LinearTrend.Fit(Rising)!;

        Assert.Equal(10, line.SlopePerHour, 9);
        Assert.Equal(100, line.Intercept, 9);
        Assert.Equal(1, line.RSquared, 9);
        Assert.Equal(5, line.Points);
        Assert.Equal(At(0), line.Start);
        Assert.Equal(At(4), line.End);
        Assert.Equal(140, line.EndValue, 9);
    }

    [Fact]
    public void ProjectCrossing_Approaching_ReturnsWhenTheLineGetsThere()
    {
        // At 04:00 the line is at 140; 200 is 60 away at 10 per hour: 6 hours later, 10:00.
        var line = LinearTrend.Fit(Rising)!;

        Assert.Equal(At(10), line.ProjectCrossing(200));
    }

    [Fact]
    public void ProjectCrossing_MovingAway_IsNull()
    {
        var line = LinearTrend.Fit(Rising)!;

        Assert.Null(line.ProjectCrossing(50)); // below the start and rising
        Assert.Null(line.ProjectCrossing(120)); // crossed at 02:00 already, and moving on away from it
    }

    [Fact]
    public void ProjectCrossing_AtTheThresholdAlready_ReturnsTheEnd()
    {
        Assert.Equal(At(4), LinearTrend.Fit(Rising)!.ProjectCrossing(140));
    }

    [Fact]
    public void ProjectCrossing_FallingAvailability_ReachesTargetFromAbove()
    {
        // 99.99 % falling 0.01 points per hour: 0.9999, 0.9998, 0.9997 at 00:00-02:00; 0.999 is 0.0007 below 0.9997: 7 hours after 02:00.
        var line = LinearTrend.Fit([(At(0), 0.9999), (At(1), 0.9998), (At(2), 0.9997)])!;

        Assert.Equal(-0.0001, line.SlopePerHour, 12);
        Assert.Equal(At(9).UtcTicks, line.ProjectCrossing(0.999)!.Value.UtcTicks, TimeSpan.TicksPerMillisecond);
    }

    [Fact]
    public void Fit_ConstantSeries_IsFlatWithNoCrossing()
    {
        var line = LinearTrend.Fit([(At(0), 7.0), (At(1), 7.0), (At(2), 7.0)])!;

        Assert.Equal(0, line.SlopePerHour);
        Assert.Equal(1, line.RSquared); // a flat line fits a constant series exactly
        Assert.Null(line.ProjectCrossing(8));
        Assert.Equal(At(2), line.ProjectCrossing(7));
    }

    [Fact]
    public void Fit_NoisySeries_MatchesMathNetLeastSquares()
    {
        double[] hours = [0, 0.5, 1, 2, 3.5, 4, 6, 7.25];
        double[] values = [212, 208, 225, 219, 240, 236, 251, 262];

        var line = LinearTrend.Fit(hours.Zip(values, (h, v) => (At(0).AddHours(h), v)))!;

        var (intercept, slope) = Fit.Line(hours, values);
        var rSquared = GoodnessOfFit.RSquared(hours.Select(h => intercept + (slope * h)), values);
        Assert.Equal(slope, line.SlopePerHour, 9);
        Assert.Equal(intercept, line.Intercept, 9);
        Assert.Equal(rSquared, line.RSquared, 9);
    }

    [Fact]
    public void Fit_OutOfOrder_SameLineFromTheEarliestPoint()
    {
        var shuffled = new[] { Rising[3], Rising[0], Rising[4], Rising[2], Rising[1] };

        var line = LinearTrend.Fit(shuffled)!;

        Assert.Equal(At(0), line.Start);
        Assert.Equal(At(4), line.End);
        Assert.Equal(100, line.Intercept, 9);
        Assert.Equal(10, line.SlopePerHour, 9);
    }

    [Fact]
    public void Fit_TooFewPoints_IsNull()
    {
        Assert.Null(LinearTrend.Fit([]));
        Assert.Null(LinearTrend.Fit([(At(0), 1.0)]));
        Assert.Null(LinearTrend.Fit([(At(0), 1.0), (At(0), 2.0)])); // no spread in time
        Assert.Null(LinearTrend.Fit([(At(0), 1.0), (At(1), double.NaN)])); // NaN skipped
    }

    [Fact]
    public void Fit_Snapshots_UsesOnlyThoseWithTheMetric()
    {
        var snapshots = new[]
        {
            Snapshot(At(0), p99: 300),
            Snapshot(At(1), p95: 1),
            Snapshot(At(2), p99: 340),
        };

        var line = LinearTrend.Fit(snapshots, WellKnownMetrics.LatencyP99)!;

        Assert.Equal(2, line.Points);
        Assert.Equal(20, line.SlopePerHour, 9); // (340 - 300) / 2 hours
    }

    [Fact]
    public void Fit_Snapshots_EmptyMetricName_Throws()
    {
        Assert.Throws<ArgumentException>(() => LinearTrend.Fit(Array.Empty<MetricSnapshot>(), " "));
    }

    [Fact]
    public void ProjectCrossing_NotFiniteThreshold_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => LinearTrend.Fit(Rising)!.ProjectCrossing(double.NaN));
        Assert.Equal("threshold", error.ParamName);
    }

    [Fact]
    public void ProjectCrossing_TinySlope_BeyondTheCalendarIsNull()
    {
        var line = new LinearTrend(At(0), At(1), 2, 1e-12, 0, 1);

        Assert.Null(line.ProjectCrossing(1e9));
    }
}
