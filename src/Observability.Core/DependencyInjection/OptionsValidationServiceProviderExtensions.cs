using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Observability.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Validates every option of an app without a host, as a host's start-up does, listing every problem at once.</summary>
public static partial class OptionsValidationServiceProviderExtensions
{
    /// <summary>
    /// Builds and validates every options instance registered with start-up validation: the library's own (each
    /// built on its own, so one bad value does not hide the others) and any other registered with
    /// <c>ValidateOnStart</c>. Call it before the first pass in an app that never starts a host.
    /// </summary>
    /// <param name="services">The built service provider.</param>
    /// <returns>
    /// Every problem, one line each, naming the setting by its configuration path (for example
    /// <c>Observability:Thresholds:MaxErrorRate</c>) and never its value; empty when everything is valid.
    /// </returns>
    /// <example>
    /// <code>
    /// if (provider.ValidateObservabilityOptions() is { Count: > 0 } problems)
    /// {
    ///     Console.Error.WriteLine("The configuration is not valid:\n  - " + string.Join("\n  - ", problems));
    ///     return 1;
    /// }
    /// </code>
    /// </example>
    public static IReadOnlyList<string> ValidateObservabilityOptions(this IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var problems = new List<string>();
        foreach (var (_, build) in services.GetService<OptionsChecks>()?.Checks ?? [])
        {
            Try(() => build(services), problems);
        }

        // Options the library does not know of (the app's own ValidateOnStart); ours again, cached or failing the same way.
        Try(() => services.GetService<IStartupValidator>()?.Validate(), problems);
        return problems.Distinct(StringComparer.Ordinal).ToArray();
    }

    private static void Try(Action build, List<string> problems)
    {
        try
        {
            build();
        }
        catch (Exception ex) when (Describe(ex, problems))
        {
        }
    }

    private static bool Describe(Exception exception, List<string> problems)
    {
        switch (exception)
        {
            case OptionsValidationException validation:
                problems.AddRange(validation.Failures.Any() ? validation.Failures : [validation.Message]);
                return true;
            case AggregateException aggregate when aggregate.InnerExceptions.Count > 0:
                return aggregate.InnerExceptions.All(inner => Describe(inner, problems));
            case InvalidOperationException binding when binding.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal):
                // Keep the path and the target type; drop the value, which may be a secret.
                problems.Add(ValueInMessage().Replace(binding.Message, "value at"));
                return true;
            case FormatException format:
                problems.Add(format.Message);
                return true;
            default:
                return false;
        }
    }

    [GeneratedRegex("value '.*?' at", RegexOptions.Singleline)]
    private static partial Regex ValueInMessage();
}
