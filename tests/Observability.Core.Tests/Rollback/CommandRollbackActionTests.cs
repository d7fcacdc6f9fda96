using Microsoft.Extensions.DependencyInjection;
using System.Text.Json;

namespace Observability.Core.Tests.Rollback;

/// <summary>The command action with real executables: /bin/sh scripts, true and false.</summary>
public sealed class CommandRollbackActionTests
{
    [Fact]
    public async Task RollBackAsync_ShellScript_RunsWithTheRequestInTheEnvironmentAndNothingInterpolated()
    {
        await using var kit = new RollbackTestKit(_ => { });
        var marker = Path.Combine(kit.Folder, "marker.txt");
        await using var configured = new RollbackTestKit(r =>
        {
            r.Command.FileName = "/bin/sh";
            r.Command.Arguments.Add("-c");
            r.Command.Arguments.Add("printf '%s|%s|%s' \"$OBS_ROLLBACK_SERVICE\" \"$OBS_ROLLBACK_REASON\" \"$OBS_ROLLBACK_VERDICT\" > \"$1\"");
            r.Command.Arguments.Add("rollback-script");
            r.Command.Arguments.Add(marker);
        });
        const string reason = "error rate 8 %; $(touch pwned) `id`";

        var record = await configured.Rollback.RollBackAsync(new RollbackRequest("checkout", reason) { Decision = Decision.Rollback });

        Assert.Equal(RollbackOutcome.Succeeded, record.Outcome);
        Assert.Equal(0, record.ExitCode);
        Assert.Null(record.Error);
        Assert.Equal($"checkout|{reason}|rollback", await File.ReadAllTextAsync(marker));
        Assert.False(File.Exists(Path.Combine(Environment.CurrentDirectory, "pwned")));
        Assert.Equal("command sh (4 argument(s))", record.Action);
    }

    [Fact]
    public async Task RollBackAsync_FalseExecutable_FailsWithItsExitCode()
    {
        await using var kit = new RollbackTestKit(r => r.Command.FileName = "false");

        var record = await kit.Rollback.RollBackAsync(new RollbackRequest("checkout", "test"));

        Assert.Equal(RollbackOutcome.Failed, record.Outcome);
        Assert.Equal(1, record.ExitCode);
        Assert.Equal("the command exited with code 1", record.Error);
        var line = JsonDocument.Parse(Assert.Single(kit.AuditLines)).RootElement;
        Assert.Equal("failed", line.GetProperty("outcome").GetString());
        Assert.Equal(1, line.GetProperty("exit_code").GetInt32());
    }

    [Fact]
    public async Task RollBackAsync_ScriptFailing_RecordsTheEndOfItsErrorOutputRedacted()
    {
        await using var kit = new RollbackTestKit(r =>
        {
            r.Command.FileName = "/bin/sh";
            r.Command.Arguments.Add("-c");
            r.Command.Arguments.Add("echo 'rollout API refused: token=ghp_abcdefghijklmnopqrstuvwxyz0123456789' >&2; exit 7");
        });

        var record = await kit.Rollback.RollBackAsync(new RollbackRequest("checkout", "test"));

        Assert.Equal(RollbackOutcome.Failed, record.Outcome);
        Assert.Equal(7, record.ExitCode);
        Assert.StartsWith("the command exited with code 7: rollout API refused", record.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("ghp_abcdefghijklmnopqrstuvwxyz0123456789", record.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("ghp_abcdefghijklmnopqrstuvwxyz0123456789", File.ReadAllText(kit.AuditFile), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RollBackAsync_MissingExecutable_IsAnErrorNotAnException()
    {
        await using var kit = new RollbackTestKit(r => r.Command.FileName = "/nonexistent/rollout-set");

        var record = await kit.Rollback.RollBackAsync(new RollbackRequest("checkout", "test"));

        Assert.Equal(RollbackOutcome.Error, record.Outcome);
        Assert.Null(record.ExitCode);
        Assert.Contains("could not start", record.Error, StringComparison.Ordinal);
        Assert.Single(kit.AuditLines);
    }

    [Fact]
    public async Task RollBackAsync_CommandOutlivesTheTimeout_IsKilledAndRecordedAsTimedOut()
    {
        var time = RollbackTestKit.FakeTime();
        await using var kit = new RollbackTestKit(
            r =>
            {
                r.Timeout = TimeSpan.FromSeconds(30);
                r.Command.FileName = "/bin/sh";
                r.Command.Arguments.Add("-c");
                r.Command.Arguments.Add("sleep 600");
            },
            time);

        var rolling = kit.Rollback.RollBackAsync(new RollbackRequest("checkout", "test"));
        Assert.False(rolling.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(30));
        var record = await rolling.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(RollbackOutcome.TimedOut, record.Outcome);
        Assert.Null(record.ExitCode);
        Assert.Equal("stopped after the timeout of 30 s", record.Error);
        var line = JsonDocument.Parse(Assert.Single(kit.AuditLines)).RootElement;
        Assert.Equal("timed_out", line.GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.Null, line.GetProperty("exit_code").ValueKind);
    }

    [Fact]
    public async Task RollBackAsync_TrueExecutable_SucceedsAndSendsOneCriticalAlert()
    {
        await using var kit = new RollbackTestKit(r => r.Command.FileName = "true");

        var record = await kit.Rollback.RollBackAsync(new RollbackRequest("checkout", "error rate above 5 %") { TraceId = "4bf92f3577b34da6a3ce929d0e0e4736" });
        await kit.Services.GetRequiredService<IAlertPublisher>().FlushAsync();

        Assert.Equal(RollbackOutcome.Succeeded, record.Outcome);
        var alert = Assert.Single(kit.Sink.Alerts);
        Assert.Equal("release_emergency_rollback", alert.Rule);
        Assert.Equal(AlertSeverity.Critical, alert.Severity);
        Assert.Equal("checkout: emergency rollback executed", alert.Title);
        Assert.Contains("error rate above 5 %", alert.Message, StringComparison.Ordinal);
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", alert.TraceId);
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", record.TraceId);
    }
}
