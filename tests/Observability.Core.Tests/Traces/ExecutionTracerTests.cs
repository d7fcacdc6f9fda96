using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace Observability.Core.Tests.Traces;

public sealed class ExecutionTracerTests
{
    private const string GitHubToken = "ghp_R8x2Lq0vNw4Zt6Yb1Kc3Hd5Jf7Mg9Pa0Sb2T";
    private static readonly DateTimeOffset Now = new(2025, 10, 16, 18, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Start_StepsTimedOnTheClock_StoredWithStatusTimingAndLink()
    {
        var time = new FakeTimeProvider(Now);
        var store = new TraceStore();
        var tracer = new ExecutionTracer(store, new SecretRedactor(new RedactionOptions()), time);

        ExecutionTrace trace;
        using (var recording = tracer.Start("/diagnose", "discord-user-123"))
        {
            using (recording.BeginStep("Validate input"))
            {
                time.Advance(TimeSpan.FromMilliseconds(10));
            }

            using (var step = recording.BeginStep("Trigger workflow"))
            {
                time.Advance(TimeSpan.FromMilliseconds(250));
                step.Fail("HTTP 403: rate limit exceeded");
            }

            recording.AddStep("Parse results", TraceStepStatus.Succeeded, TimeSpan.FromMilliseconds(90), "3 findings");
            recording.BeginStep("Poll for completion"); // never ended: stored as running
            recording.RunLink = new Uri("https://ci.example.test/acme/shop/actions/runs/123");
            recording.Fail("Rate limit exceeded (403)");
            trace = recording.Complete();
            Assert.Same(trace, recording.Complete());
        }

        Assert.Same(trace, store.GetLast("discord-user-123"));
        Assert.Equal("/diagnose", trace.Command);
        Assert.Equal(Now, trace.StartedAt);
        Assert.Equal(TimeSpan.FromMilliseconds(260), trace.Duration);
        Assert.Equal(32, trace.TraceId.Length);
        Assert.Equal(trace.TraceId[..8], trace.Fingerprint);
        Assert.Equal("Rate limit exceeded (403)", trace.Error);
        Assert.Equal(new Uri("https://ci.example.test/acme/shop/actions/runs/123"), trace.RunLink);
        Assert.Collection(
            trace.Steps,
            s => { Assert.Equal("Validate input", s.Name); Assert.Equal(TraceStepStatus.Succeeded, s.Status); Assert.Equal(TimeSpan.FromMilliseconds(10), s.Duration); },
            s => { Assert.Equal(TraceStepStatus.Failed, s.Status); Assert.Equal(TimeSpan.FromMilliseconds(250), s.Duration); Assert.Equal("HTTP 403: rate limit exceeded", s.Detail); },
            s => { Assert.Equal(TraceStepStatus.Succeeded, s.Status); Assert.Equal("3 findings", s.Detail); },
            s => { Assert.Equal(TraceStepStatus.Running, s.Status); Assert.Null(s.Duration); });
    }

    [Fact]
    public void Recording_SecretsInEveryText_AreRedactedWhenRecorded()
    {
        var store = new TraceStore();
        var tracer = new ExecutionTracer(store, new SecretRedactor(new RedactionOptions()));

        using (var recording = tracer.Start($"/deploy token={GitHubToken}", "u1"))
        {
            using (var step = recording.BeginStep($"call with Bearer {GitHubToken}"))
            {
                step.SetDetail($"password={GitHubToken}");
            }

            using (var step = recording.BeginStep("push"))
            {
                step.Fail(new InvalidOperationException($"Bad credentials {GitHubToken}"));
            }

            recording.RunLink = new Uri($"https://ci.example.test/runs/1?access_token={GitHubToken}");
            recording.Fail($"failed with {GitHubToken}");
        }

        var trace = store.GetLast("u1")!;
        var all = string.Join("|", [trace.Command, trace.Error, trace.RunLink?.ToString(), .. trace.Steps.SelectMany(s => new[] { s.Name, s.Detail })]);
        Assert.DoesNotContain(GitHubToken, all, StringComparison.Ordinal);
        Assert.Contains("InvalidOperationException", trace.Steps[1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Recording_MoreThanMaxSteps_KeepsTheFirstAndCountsTheRest()
    {
        var store = new TraceStore();
        var tracer = new ExecutionTracer(store, new SecretRedactor(new RedactionOptions()));

        using (var recording = tracer.Start("/bulk"))
        {
            for (var i = 0; i < TraceRecording.MaxSteps + 25; i++)
            {
                recording.AddStep($"step {i}", TraceStepStatus.Succeeded, TimeSpan.FromMilliseconds(1));
            }
        }

        var trace = store.GetLast()!;
        Assert.Equal(TraceRecording.MaxSteps, trace.Steps.Count);
        Assert.Equal(25, trace.OmittedSteps);
        Assert.Null(trace.UserId);
    }

    [Fact]
    public void Recording_EmitsACommandSpanWithAChildSpanPerStep_ErrorsAsSpanStatus()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = static s => s.Name == ObservabilityInstrumentation.ActivitySourceName,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var tracer = new ExecutionTracer(new TraceStore(), new SecretRedactor(new RedactionOptions()));

        string traceId;
        using (var recording = tracer.Start("/diagnose", "u2"))
        {
            traceId = recording.TraceId;
            Assert.Equal(traceId, Activity.Current?.TraceId.ToHexString()); // log lines written now carry the trace id
            using (recording.BeginStep("ok"))
            {
            }

            using (var step = recording.BeginStep("bad"))
            {
                step.Fail($"token={GitHubToken}");
            }

            Assert.Equal(traceId, Activity.Current?.TraceId.ToHexString());
        }

        var mine = stopped.Where(a => a.TraceId.ToHexString() == traceId).ToArray();
        var command = Assert.Single(mine, a => a.OperationName == "observability.command");
        var steps = mine.Where(a => a.OperationName == "observability.step").ToArray();
        Assert.Equal(2, steps.Length);
        Assert.All(steps, s => Assert.Equal(command.SpanId, s.ParentSpanId));
        Assert.Equal(ActivityStatusCode.Ok, steps.Single(s => (string?)s.GetTagItem("observability.step") == "ok").Status);
        var bad = steps.Single(s => (string?)s.GetTagItem("observability.step") == "bad");
        Assert.Equal(ActivityStatusCode.Error, bad.Status);
        Assert.DoesNotContain(GitHubToken, bad.StatusDescription, StringComparison.Ordinal);
        Assert.Equal(ActivityStatusCode.Ok, command.Status);
    }
}
