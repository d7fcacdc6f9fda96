using System.Diagnostics;
using System.Text;

namespace Observability.Tests.Processes;

/// <summary>What a finished process left behind.</summary>
internal sealed record ProcessOutcome(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Stdout split into lines, without the trailing empty one.</summary>
    public IReadOnlyList<string> StdoutLines { get; } =
        Stdout.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');

    public override string ToString() => $"exit code {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}

/// <summary>
/// A signal (<c>INT</c> for Ctrl+C, <c>TERM</c>) sent to the process once a line of its stderr matches
/// <paramref name="WhenStderr"/>: stopping a long run at a known point.
/// </summary>
internal sealed record StopSignal(string Signal, Func<string, bool> WhenStderr);

/// <summary>Runs a process to completion with captured output and a hard time limit.</summary>
internal static class ProcessRunner
{
    public static async Task<ProcessOutcome> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        TimeSpan timeout,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null,
        StopSignal? stop = null)
    {
        // environment: variables to set; a null value removes an inherited variable.
        if (stop is not null)
        {
            // Through env(1) with SIGINT at its default: a test runner started in the background by a non-interactive
            // shell has SIGINT ignored, its children inherit that, and a program keeps an ignored SIGINT ignored (as it should).
            arguments = ["--default-signal=INT", fileName, .. arguments];
            fileName = "env";
        }

        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Keep the child's console free of colour codes and first-run chatter.
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["NO_COLOR"] = "1";
        if (environment is not null)
        {
            foreach (var (name, value) in environment)
            {
                if (value is null)
                {
                    start.Environment.Remove(name);
                }
                else
                {
                    start.Environment[name] = value;
                }
            }
        }

        using var process = new Process { StartInfo = start };
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var stopLineSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) => Append(stdout, e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            Append(stderr, e.Data);
            if (stop is not null && e.Data is { } line && stop.WhenStderr(line))
            {
                stopLineSeen.TrySetResult();
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var limit = new CancellationTokenSource(timeout);
        try
        {
            var exited = process.WaitForExitAsync(limit.Token);
            if (stop is not null && await Task.WhenAny(stopLineSeen.Task, exited) == stopLineSeen.Task)
            {
                using var kill = Process.Start("kill", ["-" + stop.Signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
                await kill.WaitForExitAsync(limit.Token);
            }

            await exited;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException(
                $"'{fileName} {string.Join(' ', start.ArgumentList)}' did not finish within {timeout.TotalSeconds:0} s and was killed.\n"
                + new ProcessOutcome(-1, Read(stdout), Read(stderr)));
        }

        // The parameterless wait also drains the asynchronous output readers.
        await process.WaitForExitAsync();
        return new ProcessOutcome(process.ExitCode, Read(stdout), Read(stderr));
    }

    private static void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (buffer)
        {
            buffer.Append(line).Append('\n');
        }
    }

    private static string Read(StringBuilder buffer)
    {
        lock (buffer)
        {
            return buffer.ToString();
        }
    }
}
