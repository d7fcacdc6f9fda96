using System.Text;

namespace Observability.Internal;

/// <summary>Writes a trace as the debug-last text, every piece redacted, within a length limit.</summary>
internal static class DebugLastText
{
    private const int MaxCommand = 200;
    private const int MaxStepLine = 200;
    private const int MaxError = 600;
    private const int MaxLink = 300;

    public static string Render(ExecutionTrace trace, SecretRedactor redactor, int maxLength)
    {
        var head = new StringBuilder()
            .Append("🔍 Last Execution Debug Info\n\n")
            .Append("Command: ").Append(Cut(redactor.RedactText(trace.Command), MaxCommand)).Append('\n')
            .Append("Trace ID: ").Append(Cut(redactor.RedactText(trace.TraceId), 64)).Append('\n')
            .Append("Started: ").Append(trace.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)).Append(" UTC\n")
            .Append("Duration: ").Append(Milliseconds(trace.Duration)).Append('\n')
            .ToString();

        var tail = new StringBuilder();
        if (trace.Error is { } error)
        {
            tail.Append("\nError: ").Append(Cut(OneLine(redactor.RedactText(error)), MaxError)).Append('\n');
        }

        if (trace.RunLink is { } link)
        {
            tail.Append("\n[View Run](").Append(Cut(redactor.RedactText(link.OriginalString), MaxLink)).Append(")\n");
        }

        var steps = new StringBuilder();
        var total = trace.Steps.Count + trace.OmittedSteps;
        if (total > 0)
        {
            steps.Append("\nSteps:\n");
            // Room for the steps: what the head and tail leave, less the longest "… N more steps" line.
            var room = maxLength - head.Length - tail.Length - steps.Length - MoreLine(total).Length;
            var shown = 0;
            foreach (var step in trace.Steps)
            {
                var line = StepLine(step, redactor);
                if (line.Length > room)
                {
                    break;
                }

                steps.Append(line);
                room -= line.Length;
                shown++;
            }

            if (shown < total)
            {
                steps.Append(MoreLine(total - shown));
            }
        }

        var text = (head + steps.ToString() + tail).TrimEnd('\n');
        return text.Length <= maxLength ? text : text[..(maxLength - 1)] + "…"; // a guard: the budget above keeps within it
    }

    private static string StepLine(TraceStep step, SecretRedactor redactor)
    {
        var icon = step.Status switch
        {
            TraceStepStatus.Succeeded => "✅",
            TraceStepStatus.Failed => "❌",
            _ => "⏳",
        };
        var timing = step.Duration is { } duration ? Milliseconds(duration) : "running";
        var line = $"  {icon} {OneLine(redactor.RedactText(step.Name))} ({timing})";
        if (step.Detail is { Length: > 0 } detail)
        {
            line += ": " + OneLine(redactor.RedactText(detail));
        }

        return Cut(line, MaxStepLine) + "\n";
    }

    private static string MoreLine(int count) => $"  … {count} more step{(count == 1 ? string.Empty : "s")}\n";

    // The logging spec's debug-last layout exactly (2850ms, 18:00:00 UTC), which bots and runbooks quote; the reports keep
    // the one number format of Figures.
    private static string Milliseconds(TimeSpan duration)
        => Math.Round(duration.TotalMilliseconds).ToString("0", System.Globalization.CultureInfo.InvariantCulture) + "ms";

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
