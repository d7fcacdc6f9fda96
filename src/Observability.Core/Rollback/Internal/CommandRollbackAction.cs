using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace Observability.Internal;

/// <summary>
/// Runs the configured executable with its arguments as an argument list (no shell, nothing interpolated); the
/// request reaches it as environment variables. At cancellation (the timeout) the whole process tree is killed.
/// </summary>
internal sealed class CommandRollbackAction(RollbackCommandOptions options, SecretRedactor redactor) : IRollbackAction
{
    private const int ErrorTailLength = 300;
    private readonly string _fileName = options.FileName ?? throw new ArgumentException("No rollback command is configured.", nameof(options));
    private readonly string[] _arguments = [.. options.Arguments];
    private readonly string? _workingDirectory = options.WorkingDirectory;

    // The executable's name and how many arguments: the arguments themselves may carry an environment name or an id, never shown.
    public string Description => string.Create(CultureInfo.InvariantCulture, $"command {Path.GetFileName(_fileName)} ({_arguments.Length} argument(s))");

    public async Task<RollbackActionResult> ExecuteAsync(RollbackRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var start = new ProcessStartInfo(_fileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            CreateNoWindow = true,
        };
        foreach (var argument in _arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (_workingDirectory is { Length: > 0 } directory)
        {
            start.WorkingDirectory = directory;
        }

        start.Environment["OBS_ROLLBACK_SERVICE"] = request.Service;
        start.Environment["OBS_ROLLBACK_REASON"] = request.Reason;
        start.Environment["OBS_ROLLBACK_TRACE_ID"] = request.TraceId ?? string.Empty;
        start.Environment["OBS_ROLLBACK_VERDICT"] = request.Decision?.ToString().ToLowerInvariant() ?? string.Empty;

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Exception ex) when (ex is Win32Exception or InvalidOperationException or IOException)
        {
            return new RollbackActionResult(RollbackOutcome.Error) { Error = $"the command {Path.GetFileName(_fileName)} could not start: {redactor.RedactText(OneLine(ex.Message))}" };
        }

        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            await ((Task)Task.WhenAll(stdout, stderr)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }

        await ((Task)Task.WhenAll(stdout, stderr)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (process.ExitCode == 0)
        {
            return new RollbackActionResult(RollbackOutcome.Succeeded) { ExitCode = 0 };
        }

        var tail = stderr.IsCompletedSuccessfully ? Tail(stderr.Result) : string.Empty;
        return new RollbackActionResult(RollbackOutcome.Failed)
        {
            ExitCode = process.ExitCode,
            Error = string.Create(CultureInfo.InvariantCulture, $"the command exited with code {process.ExitCode}") + (tail.Length > 0 ? ": " + redactor.RedactText(tail) : string.Empty),
        };
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // It ended on its own meanwhile.
        }
    }

    private static string Tail(string text)
    {
        var line = OneLine(text);
        return line.Length <= ErrorTailLength ? line : "…" + line[^ErrorTailLength..];
    }

    private static string OneLine(string text)
        => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
