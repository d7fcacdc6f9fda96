using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using Observability.Providers.Discord.Tests.Support;
using Observability.Tests.Processes;
using Xunit.Abstractions;

namespace Observability.Providers.Discord.Tests.Alerts;

/// <summary>
/// kill -9 in the middle of a group: a child process publishes 100 alerts of one service (one group, ten Discord messages)
/// through an outbox kept on disk; the loopback webhook accepts three messages and never answers the fourth, and the test
/// kills the child with SIGKILL while it waits. A second run delivers what the outbox file kept: every alert arrives, and
/// only the message that was in flight may arrive twice.
/// </summary>
public sealed class DiscordOutboxCrashTests(ITestOutputHelper output)
{
    private const int Alerts = 100;

    [Fact]
    public async Task FileOutbox_KilledMidGroup_ResendsAtMostTheMessageInFlight()
    {
        await using var server = new DiscordWebhookServer();
        server.Enqueue(DiscordAnswer.Accept(), DiscordAnswer.Accept(), DiscordAnswer.Accept(), DiscordAnswer.Never);
        var directory = Directory.CreateTempSubdirectory("obs-kill9-").FullName;
        try
        {
            using (var child = Start("publish", directory, server.WebhookUrl.ToString(), Alerts.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            {
                using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(120));
                while (server.Requests.Count < 4 && !child.HasExited)
                {
                    await Task.Delay(20, limit.Token); // until the fourth message hangs on the wire
                }

                Assert.False(child.HasExited, "the child ended before its fourth message");
                child.Kill(); // SIGKILL: no finally, no flush, no dispose
                await child.WaitForExitAsync(limit.Token);
            }

            var beforeRestart = server.Requests.Count;
            var resumed = await ProcessRunner.RunAsync(DotnetHost, [ChildDll, "resume", directory, server.WebhookUrl.ToString()], TimeSpan.FromMinutes(2));

            Assert.True(resumed.ExitCode == 0, resumed.ToString());
            var messages = server.Requests.Select(static r => Rules(r.Body)).ToArray();
            var received = messages.SelectMany(static m => m).ToArray();
            Assert.Equal(4, beforeRestart);
            Assert.Equal(Alerts, received.Distinct(StringComparer.Ordinal).Count()); // nothing lost
            var duplicates = received.Length - Alerts;
            output.WriteLine($"messages {messages.Length} (before the kill {beforeRestart}), alerts received {received.Length}, distinct {received.Distinct(StringComparer.Ordinal).Count()}, duplicates {duplicates}");
            Assert.InRange(duplicates, 0, messages[3].Length); // at most the message in flight when the process died
            Assert.Equal(Alerts / 10 + (duplicates > 0 ? 1 : 0), messages.Length);
            Assert.Equal(0, server.BadRequests);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string DotnetHost { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static string ChildDll
    {
        get
        {
            var configuration = typeof(DiscordOutboxCrashTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration is { Length: > 0 } c ? c : "Debug";
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Observability.sln")))
                {
                    return Path.Combine(directory.FullName, "tests", "Observability.Faults.Child", "bin", configuration, "net10.0", "Observability.Faults.Child.dll");
                }
            }

            throw new InvalidOperationException("Observability.sln not found above the test assembly");
        }
    }

    private static Process Start(params string[] arguments)
    {
        var start = new ProcessStartInfo(DotnetHost) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(ChildDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += static (_, _) => { };
        process.ErrorDataReceived += static (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>The rules of a message's embeds, read from their footers (source · rule · fingerprint · trace).</summary>
    private static string[] Rules(string body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("embeds").EnumerateArray()
            .Select(static e => e.GetProperty("footer").GetProperty("text").GetString()!.Split(" · ")[1])
            .ToArray();
    }
}
