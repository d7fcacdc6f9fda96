using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Observability.Core.Tests.Traces;

public sealed class DebugLastCommandTests
{
    private const string GitHubToken = "ghp_R8x2Lq0vNw4Zt6Yb1Kc3Hd5Jf7Mg9Pa0Sb2T";
    private const string DiscordWebhook = "https://discord.com/api/webhooks/223704706495545344/3d89bb7572e0fb30d8128367b3b1b44fecd1726de135cbe28a41f8b2f777c372ba2939e72279b94526ff5d1bd4358d65cf11";
    private static readonly DateTimeOffset Start = new(2025, 10, 16, 18, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Render_ByDefault_IsDisabled_AndShowsNoTrace()
    {
        var services = new ServiceCollection();
        services.AddObservability(o => o.ServiceName = "bot");
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<TraceStore>().Add(Trace("u1", [], error: "secret stuff"));
        var command = provider.GetRequiredService<DebugLastCommand>();

        Assert.False(command.Enabled);
        Assert.Equal(DebugLastCommand.DisabledText, command.Render("u1"));
        using var json = JsonDocument.Parse(command.RenderDiscordResponse("u1"));
        Assert.Equal(DebugLastCommand.DisabledText, json.RootElement.GetProperty("data").GetProperty("content").GetString());
    }

    [Fact]
    public void Render_SpecExample_ShowsCommandTraceStartDurationStepsAndLink()
    {
        var store = new TraceStore();
        store.Add(Trace(
            "u1",
            [
                Step("Validate input", TraceStepStatus.Succeeded, 10),
                Step("Trigger workflow", TraceStepStatus.Succeeded, 250),
                Step("Poll for completion", TraceStepStatus.Failed, 2500, "timed out"),
                Step("Parse results", TraceStepStatus.Running, null),
            ],
            error: "Rate limit exceeded (403)",
            duration: 2850));

        var text = Command(store).Render("u1");

        Assert.Equal(
            """
            🔍 Last Execution Debug Info

            Command: /diagnose
            Trace ID: abc123de456f789a0b1c2d3e4f5a6b7c
            Started: 2025-10-16 18:00:00 UTC
            Duration: 2850ms

            Steps:
              ✅ Validate input (10ms)
              ✅ Trigger workflow (250ms)
              ❌ Poll for completion (2500ms): timed out
              ⏳ Parse results (running)

            Error: Rate limit exceeded (403)

            [View Run](https://ci.example.test/acme/shop/actions/runs/123)
            """.ReplaceLineEndings("\n"),
            text);
    }

    [Fact]
    public void Render_TwoHundredStepsFullOfSecrets_StaysUnder2000_Redacted_WithAMoreStepsLine()
    {
        var store = new TraceStore();
        var steps = Enumerable.Range(0, 200)
            .Select(i => Step($"step {i} calling {DiscordWebhook}", i % 7 == 0 ? TraceStepStatus.Failed : TraceStepStatus.Succeeded, i, $"Authorization: Bearer {GitHubToken}"))
            .ToArray();
        store.Add(Trace("u1", steps, error: $"push failed: token={GitHubToken} " + new string('x', 3000), command: $"/deploy {GitHubToken}"));

        var text = Command(store).Render("u1");

        Assert.InRange(text.Length, 1000, DebugLastCommand.MaxLength);
        Assert.DoesNotContain(GitHubToken, text, StringComparison.Ordinal);
        Assert.DoesNotContain("3d89bb7572e0fb30d8128367b3b1b44fecd1726de135cbe28a41f8b2f777c372ba2939e72279b94526ff5d1bd4358d65cf11", text, StringComparison.Ordinal);
        var shown = text.Split('\n').Count(l => l.StartsWith("  ✅", StringComparison.Ordinal) || l.StartsWith("  ❌", StringComparison.Ordinal));
        Assert.InRange(shown, 1, 199);
        Assert.Contains($"  … {200 - shown} more steps", text, StringComparison.Ordinal);
        Assert.Contains("Error: push failed", text, StringComparison.Ordinal);
        Assert.Contains("[View Run](https://ci.example.test/acme/shop/actions/runs/123)", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(50)]
    [InlineData(1000)]
    public void Render_AnyNumberOfLongSteps_NeverExceeds2000(int count)
    {
        var store = new TraceStore();
        store.Add(Trace("u1", Enumerable.Range(0, count).Select(i => Step(new string('s', 500), TraceStepStatus.Succeeded, i, new string('d', 500))).ToArray(), command: new string('c', 5000)));

        var text = Command(store).Render("u1");

        Assert.True(text.Length <= DebugLastCommand.MaxLength, $"{text.Length} characters");
    }

    [Fact]
    public void Render_NoTraceForTheUser_SaysSo()
        => Assert.Equal("No execution trace recorded yet for this user.", Command(new TraceStore()).Render("nobody"));

    [Fact]
    public void RenderDiscordResponse_IsAnEphemeralMessageInteractionResponse()
    {
        var store = new TraceStore();
        store.Add(Trace("u1", [Step("Validate input", TraceStepStatus.Succeeded, 10)]));
        var command = Command(store);

        using var json = JsonDocument.Parse(command.RenderDiscordResponse("u1"));

        var root = json.RootElement;
        Assert.Equal(4, root.GetProperty("type").GetInt32());
        var data = root.GetProperty("data");
        Assert.Equal(64, data.GetProperty("flags").GetInt32());
        Assert.Equal(command.Render("u1"), data.GetProperty("content").GetString());
        Assert.Equal(0, data.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
    }

    private static DebugLastCommand Command(TraceStore store)
        => new(store, new SecretRedactor(new RedactionOptions()), new TraceOptions { EnableDebugCommand = true });

    private static TraceStep Step(string name, TraceStepStatus status, int? ms, string? detail = null) => new()
    {
        Name = name,
        Status = status,
        StartedAt = Start,
        Duration = ms is { } value ? TimeSpan.FromMilliseconds(value) : null,
        Detail = detail,
    };

    private static ExecutionTrace Trace(string? user, TraceStep[] steps, string? error = null, int duration = 100, string command = "/diagnose") => new()
    {
        TraceId = "abc123de456f789a0b1c2d3e4f5a6b7c",
        Command = command,
        UserId = user,
        StartedAt = Start,
        Duration = TimeSpan.FromMilliseconds(duration),
        Steps = steps,
        Error = error,
        RunLink = new Uri("https://ci.example.test/acme/shop/actions/runs/123"),
    };
}
