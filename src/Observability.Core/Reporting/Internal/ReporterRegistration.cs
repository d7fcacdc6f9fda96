using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Observability.Internal;

/// <summary>
/// The one registration behind every <c>Add*Reporter</c> overload: named options validated at start-up (a file name
/// must be a plain name), a name unique among reporters of one kind, one instance per name reachable as an
/// <see cref="IReporter"/> and as its own type by name.
/// </summary>
internal static class ReporterRegistration
{
    /// <summary>Registers the reporter <paramref name="name"/> (the <c>(configure)</c>, <c>(name, configure)</c> and <c>(IConfigurationSection)</c> overloads).</summary>
    /// <exception cref="InvalidOperationException">A reporter of this kind with this name is already registered.</exception>
    public static IObservabilityBuilder Add<TReporter, TOptions>(
        IObservabilityBuilder builder,
        string name,
        Action<OptionsBuilder<TOptions>> configure,
        Func<IServiceProvider, string, TOptions, TReporter> factory)
        where TReporter : class, IReporter
        where TOptions : class, IReporterOptions, new()
    {
        // The role is the reporter's own type, so "oncall" may name an HTML and a PDF reporter side by side.
        ProviderRegistration.Add<TReporter, TOptions, ReporterOptionsValidator<TOptions>>(builder, name, configure, factory);
        builder.Services.AddSingleton<IReporter>(sp => sp.GetRequiredKeyedService<TReporter>(name));
        return builder;
    }

    /// <summary>
    /// Registers the reporter of the default name with default options (the <c>()</c> overload), unless one of that
    /// name is registered already: calling it twice, or after <c>(configure)</c>, adds it once.
    /// </summary>
    public static IObservabilityBuilder AddDefault<TReporter, TOptions>(
        IObservabilityBuilder builder,
        string defaultName,
        Func<IServiceProvider, string, TOptions, TReporter> factory)
        where TReporter : class, IReporter
        where TOptions : class, IReporterOptions, new()
    {
        ArgumentNullException.ThrowIfNull(builder);
        return ProviderRegistration.IsRegistered(builder.Services, typeof(TReporter), defaultName)
            ? builder
            : Add(builder, defaultName, static _ => { }, factory);
    }

    /// <summary>
    /// The format and file name of a reporter registered as <paramref name="name"/>: the default name writes
    /// <paramref name="kind"/> to <paramref name="defaultFileName"/>; any other name writes <c>{kind}:{name}</c> to
    /// <c>{defaultFileName}-{name}</c> unless its options name a file, so two reporters of a kind never overwrite or skip each other.
    /// </summary>
    /// <param name="kind">The reporter kind: its default name and the format of the reporter of that name.</param>
    /// <param name="name">The name it was registered with.</param>
    /// <param name="fileName">The options' file name; <see langword="null"/> or <paramref name="defaultFileName"/> when left at the default.</param>
    /// <param name="defaultFileName">The kind's file name, without extension; <see langword="null"/> for <see cref="ReportingOptions.FileName"/> as the writer has it.</param>
    public static (string Format, string? FileName) Identity(string kind, string name, string? fileName, string? defaultFileName)
    {
        var isDefault = string.Equals(name, kind, StringComparison.Ordinal);
        var chosen = string.IsNullOrEmpty(fileName) || (!isDefault && string.Equals(fileName, defaultFileName, StringComparison.Ordinal)) ? null : fileName;
        return isDefault ? (kind, chosen ?? defaultFileName) : ($"{kind}:{name}", chosen ?? $"{defaultFileName ?? new ReportingOptions().FileName}-{name}");
    }

    /// <summary>A name that stays in the output folder: not empty, no path separator or invalid character, not <c>.</c> or <c>..</c>.</summary>
    public static bool IsPlainName(string? name)
        => !string.IsNullOrWhiteSpace(name)
            && name.IndexOfAny(Path.GetInvalidFileNameChars()) < 0
            && name.IndexOfAny(['/', '\\']) < 0
            && name is not "." and not "..";
}
