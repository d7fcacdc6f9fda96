namespace Observability.Core.Tests.Advice;

public sealed class RollbackAdvisorOptionsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Defaults_AreTheDocumentedThresholds()
    {
        var options = new RollbackAdvisorOptions();

        Assert.Equal(0.05, options.MaxErrorRate);
        Assert.Equal(10, options.MinimumJobs);
        Assert.Equal(50, options.HealthCritical);
        Assert.Equal(TimeSpan.FromMinutes(30), options.HealthSustainFor);
        Assert.Equal(3, options.ConnectivityFailureThreshold);
        Assert.Null(options.QueueBacklogThreshold);
    }

    [Fact]
    public void Constructor_InvalidOptions_ListsEveryProblemInOneMessage()
    {
        var options = new RollbackAdvisorOptions
        {
            MaxErrorRate = 1.5,
            MinimumJobs = -1,
            HealthCritical = 120,
            HealthSustainFor = TimeSpan.FromMinutes(-1),
            ConnectivityFailureThreshold = 0,
            QueueBacklogThreshold = -5,
        };

        var ex = Assert.Throws<ArgumentException>(() => new RollbackAdvisor(options));

        Assert.Equal("options", ex.ParamName);
        Assert.Contains("RollbackAdvisor:MaxErrorRate must be a ratio in [0, 1] (was 1.5)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("RollbackAdvisor:MinimumJobs must not be negative (was -1)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("RollbackAdvisor:HealthCritical must lie in [0, 100] (was 120)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("RollbackAdvisor:HealthSustainFor must not be negative (was -00:01:00)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("RollbackAdvisor:ConnectivityFailureThreshold must be at least 1 (was 0)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("RollbackAdvisor:QueueBacklogThreshold must be a finite number of at least 0", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>("options", () => new RollbackAdvisor(null!));
    }

    [Fact]
    public void Constructor_NaNErrorRate_IsRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => new RollbackAdvisor(new RollbackAdvisorOptions { MaxErrorRate = double.NaN }));

        Assert.Contains("MaxErrorRate must be a ratio in [0, 1] (was NaN)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_CopiesTheOptions_LaterChangesDoNotApply()
    {
        var options = new RollbackAdvisorOptions();
        var advisor = new RollbackAdvisor(options);

        options.MaxErrorRate = 0.5;

        // Still 5 %: 0.08 over 100 jobs trips.
        Assert.Equal(Decision.Rollback, advisor.Observe(new RolloutObservation(T0) { ErrorRate = 0.08, JobCount = 100 }).Decision);
    }

    [Fact]
    public void Observation_OutOfRangeValues_ThrowNamingTheProperty()
    {
        var rate = Assert.Throws<ArgumentOutOfRangeException>(() => new RolloutObservation(T0) { ErrorRate = 1.5 });
        Assert.Equal("ErrorRate", rate.ParamName);
        Assert.Contains("ErrorRate must lie in [0, 1] (was 1.5); 0.05 means 5 %.", rate.Message, StringComparison.Ordinal);

        Assert.Equal("HealthScore", Assert.Throws<ArgumentOutOfRangeException>(() => new RolloutObservation(T0) { HealthScore = 100.5 }).ParamName);
        Assert.Equal("JobCount", Assert.Throws<ArgumentOutOfRangeException>(() => new RolloutObservation(T0) { JobCount = -1 }).ParamName);
        Assert.Equal("ProcessorConnectivityFailures", Assert.Throws<ArgumentOutOfRangeException>(() => new RolloutObservation(T0) { ProcessorConnectivityFailures = -2 }).ParamName);
        Assert.Equal("QueueBacklog", Assert.Throws<ArgumentOutOfRangeException>(() => new RolloutObservation(T0) { QueueBacklog = double.NaN }).ParamName);
        Assert.Equal("reason", Assert.Throws<ArgumentException>(() => RolloutObservation.NoData(T0, " ")).ParamName);
    }

    [Fact]
    public void Observation_Defaults_AreCompleteDataWithNothingMeasured()
    {
        var observation = new RolloutObservation(T0);

        Assert.True(observation.HasData);
        Assert.Equal(DataQualityStatus.Complete, observation.Quality.Status);
        Assert.Equal(0, observation.JobCount);
        Assert.False(RolloutObservation.NoData(T0, "down").HasData);
        Assert.Equal(
            "Proceed: 0 processor connectivity failures; no rollback rule is breached.",
            new RollbackAdvisor().Observe(observation).Summary);
    }
}
