using System.Text.Json;

namespace Observability.Cli.Tests;

/// <summary><c>obs rollback</c> as a user runs it: refusal runs nothing, a real command, a failing one, a timeout, the audit line.</summary>
public sealed class RollbackTests
{
    [Fact]
    public async Task Rollback_WithoutConfirmYes_RunsNothingOfTheConfiguredAction()
    {
        using var temp = new TempFolder();
        var marker = temp["marker"];
        var config = WriteConfig(temp, "/bin/sh", ["-c", "touch \"$0\"", marker]);

        var outcome = await Obs.RunAsync(temp.Path, null, "rollback", "--config", config, "--reason", "test", "--confirm", "yes", "--state", temp["state"]);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("nothing was run", outcome.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(marker));
        Assert.False(Directory.Exists(temp["state"]));
    }

    [Fact]
    public async Task Rollback_Confirmed_RunsTheCommandAndAppendsTheAuditLine()
    {
        using var temp = new TempFolder();
        var marker = temp["marker"];
        var config = WriteConfig(temp, "/bin/sh", ["-c", "printf '%s' \"$OBS_ROLLBACK_REASON\" > \"$0\"", marker]);

        var outcome = await Obs.RunAsync(
            temp.Path,
            null,
            "rollback", "--confirm", "YES", "--config", config, "--reason", "error rate 8 % since 10:00", "--verdict", "rollback",
            "--trace-id", "4BF92F3577B34DA6A3CE929D0E0E4736", "--state", temp["state"]);

        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        Assert.Equal("error rate 8 % since 10:00", File.ReadAllText(marker));
        Assert.Matches("^rollback=succeeded service=checkout exit_code=0 http_status=- duration_ms=\\d+ trace_id=4bf92f3577b34da6a3ce929d0e0e4736$", outcome.StdoutLines[^1]);
        var line = JsonDocument.Parse(Assert.Single(File.ReadAllLines(Path.Combine(temp["state"], "rollback-audit.jsonl")))).RootElement;
        Assert.Equal("succeeded", line.GetProperty("outcome").GetString());
        Assert.Equal("rollback", line.GetProperty("verdict").GetString());
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", line.GetProperty("trace_id").GetString());
        Assert.Equal("error rate 8 % since 10:00", line.GetProperty("reason").GetString());
        Assert.Contains("release_emergency_rollback", outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rollback_CommandFails_ExitsFiveWithTheExitCodeRecorded()
    {
        using var temp = new TempFolder();
        var config = WriteConfig(temp, "false", []);

        var outcome = await Obs.RunAsync(temp.Path, null, "rollback", "--confirm", "YES", "--config", config, "--state", temp["state"]);

        Assert.Equal(5, outcome.ExitCode);
        Assert.StartsWith("rollback=failed service=checkout exit_code=1 ", outcome.StdoutLines[^1], StringComparison.Ordinal);
        var line = JsonDocument.Parse(Assert.Single(File.ReadAllLines(Path.Combine(temp["state"], "rollback-audit.jsonl")))).RootElement;
        Assert.Equal(1, line.GetProperty("exit_code").GetInt32());
    }

    [Fact]
    public async Task Rollback_CommandOutlivesItsTimeout_ExitsFiveAsTimedOut()
    {
        using var temp = new TempFolder();
        var config = WriteConfig(temp, "/bin/sh", ["-c", "sleep 120"], timeout: "00:00:01");

        var outcome = await Obs.RunAsync(temp.Path, null, "rollback", "--confirm", "YES", "--config", config, "--state", temp["state"]);

        Assert.Equal(5, outcome.ExitCode);
        Assert.StartsWith("rollback=timed_out ", outcome.StdoutLines[^1], StringComparison.Ordinal);
        var line = JsonDocument.Parse(Assert.Single(File.ReadAllLines(Path.Combine(temp["state"], "rollback-audit.jsonl")))).RootElement;
        Assert.Equal("timed_out", line.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Rollback_NoActionConfigured_ExitsOneAndWritesNoAudit()
    {
        using var temp = new TempFolder();
        var config = temp["appsettings.json"];
        File.WriteAllText(config, """{ "Observability": { "ServiceName": "checkout" } }""");

        var outcome = await Obs.RunAsync(temp.Path, null, "rollback", "--confirm", "YES", "--config", config, "--state", temp["state"]);

        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("no rollback action is configured; nothing was run", outcome.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(temp["state"], "rollback-audit.jsonl")));
    }

    [Fact]
    public async Task Rollback_Help_DocumentsTheExitCodes()
    {
        var outcome = await Obs.RunAsync(Path.GetTempPath(), null, "rollback", "--help");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("5 the rollback action failed, timed out or could not run", outcome.Stdout, StringComparison.Ordinal);
    }

    private static string WriteConfig(TempFolder temp, string fileName, string[] arguments, string timeout = "00:00:30")
    {
        var path = temp["appsettings.json"];
        var json = JsonSerializer.Serialize(new
        {
            Observability = new
            {
                ServiceName = "checkout",
                Rollback = new { Timeout = timeout, Command = new { FileName = fileName, Arguments = arguments } },
            },
        });
        File.WriteAllText(path, json);
        return path;
    }
}
