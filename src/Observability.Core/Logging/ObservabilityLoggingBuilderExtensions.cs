using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Observability;

namespace Microsoft.Extensions.Logging;

/// <summary>Adds the structured JSON log output (<see cref="JsonLoggerProvider"/>) to Microsoft.Extensions.Logging.</summary>
public static class ObservabilityLoggingBuilderExtensions
{
    /// <summary>
    /// Writes every log entry as one JSON line to standard output (standard error with
    /// <see cref="JsonLogOptions.UseStandardError"/>), with the spec's fields and redaction always on. The redactor is the
    /// one registered by <c>AddObservability</c> (with its options), or one with default options.
    /// </summary>
    /// <param name="builder">The logging builder.</param>
    /// <param name="configure">Sets the options; optional.</param>
    /// <returns>The builder.</returns>
    public static ILoggingBuilder AddObservabilityJsonConsole(this ILoggingBuilder builder, Action<JsonLogOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new JsonLogOptions();
        configure?.Invoke(options);
        return Add(builder, options.UseStandardError ? Console.Error : Console.Out, options);
    }

    /// <summary>Writes every log entry as one JSON line to <paramref name="writer"/> (a file, a stream, a test's <see cref="StringWriter"/>).</summary>
    /// <param name="builder">The logging builder.</param>
    /// <param name="writer">Where the lines go; it is not disposed by the provider.</param>
    /// <param name="configure">Sets the options; optional.</param>
    /// <returns>The builder.</returns>
    public static ILoggingBuilder AddObservabilityJsonLogs(this ILoggingBuilder builder, TextWriter writer, Action<JsonLogOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(writer);
        var options = new JsonLogOptions();
        configure?.Invoke(options);
        return Add(builder, writer, options);
    }

    private static ILoggingBuilder Add(ILoggingBuilder builder, TextWriter writer, JsonLogOptions options)
    {
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ILoggerProvider, JsonLoggerProvider>(sp =>
            new JsonLoggerProvider(writer, options, Redactor(sp), sp.GetService<TimeProvider>())));
        return builder;
    }

    private static SecretRedactor Redactor(IServiceProvider services)
    {
        try
        {
            return services.GetService<SecretRedactor>() ?? new SecretRedactor(new RedactionOptions());
        }
        catch (OptionsValidationException)
        {
            // The Observability options are invalid (the host reports that at start-up): log, redacted with the defaults, meanwhile.
            return new SecretRedactor(new RedactionOptions());
        }
    }
}
