using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Observability.Cli.Internal;

/// <summary>Turns the exceptions of bad configuration into a list of problems for the user.</summary>
internal static partial class ConfigurationErrors
{
    /// <summary>
    /// True when <paramref name="exception"/> means bad configuration: failed options
    /// validation (one or several options types), a value the binder could not convert,
    /// or a malformed sample setting.
    /// </summary>
    public static bool TryDescribe(Exception exception, [NotNullWhen(true)] out IReadOnlyList<string>? problems)
    {
        var list = new List<string>();
        problems = Collect(exception, list) ? list : null;
        return problems is not null;
    }

    private static bool Collect(Exception exception, List<string> problems)
    {
        switch (exception)
        {
            case OptionsValidationException validation:
                problems.AddRange(validation.Failures.Any() ? validation.Failures : [validation.Message]);
                return true;
            case AggregateException aggregate when aggregate.InnerExceptions.Count > 0:
                return aggregate.InnerExceptions.All(inner => Collect(inner, problems));
            case FormatException format:
                problems.Add(format.Message);
                return true;
            case InvalidOperationException binding when binding.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal):
                // Keep the key and the target type; drop the value, which may be a secret.
                problems.Add(ValueInMessage().Replace(binding.Message, "value at"));
                return true;
            default:
                return false;
        }
    }

    [GeneratedRegex("value '.*?' at", RegexOptions.Singleline)]
    private static partial Regex ValueInMessage();
}
