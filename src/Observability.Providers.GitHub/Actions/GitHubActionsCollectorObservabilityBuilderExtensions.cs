using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Observability;
using Observability.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Adds a <see cref="GitHubActionsCollector"/> to Observability, and the rule-based <see cref="CiErrorClassifier"/> as
/// <see cref="ICiErrorClassifier"/> unless one is already registered (it puts the error lines of downloaded logs in categories).
/// </summary>
public static class GitHubActionsCollectorObservabilityBuilderExtensions
{
    /// <summary>The prefix of the named HTTP handler of each collector: <c>Observability.GitHubActions.</c> followed by its name.</summary>
    public const string HttpClientNamePrefix = "Observability.GitHubActions.";

    /// <summary>Adds a GitHub Actions collector named <c>github-actions</c> with default options; set the repository through configuration.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddGitHubActionsCollector(this IObservabilityBuilder builder)
        => builder.AddGitHubActionsCollector(GitHubActionsCollectorOptions.DefaultName, static _ => { });

    /// <summary>Adds a GitHub Actions collector named <c>github-actions</c>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddGitHubActionsCollector(this IObservabilityBuilder builder, Action<GitHubActionsCollectorOptions> configure)
        => builder.AddGitHubActionsCollector(GitHubActionsCollectorOptions.DefaultName, configure);

    /// <summary>Adds a GitHub Actions collector with a name of its own.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The collector's name, unique among collectors.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddGitHubActionsCollector(this IObservabilityBuilder builder, string name, Action<GitHubActionsCollectorOptions> configure)
        => Add(builder, name, ProviderRegistration.From(configure));

    /// <summary>Adds a GitHub Actions collector named <c>github-actions</c> with options bound from configuration.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configuration">The section holding <see cref="GitHubActionsCollectorOptions"/>.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddGitHubActionsCollector(this IObservabilityBuilder builder, IConfigurationSection configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Add(builder, GitHubActionsCollectorOptions.DefaultName, options => options.Bind(configuration));
    }

    private static IObservabilityBuilder Add(IObservabilityBuilder builder, string name, Action<OptionsBuilder<GitHubActionsCollectorOptions>> configure)
        => ProviderRegistration.Add<ICollector, GitHubActionsCollectorOptions, GitHubActionsCollectorOptionsValidator>(
            builder,
            name,
            configure,
            Create,
            // Octokit follows GitHub's redirects itself (the log downloads), so the handler must not.
            static (services, name) =>
            {
                services.TryAddSingleton<ICiErrorClassifier>(CiErrorClassifier.Instance);
                services.AddHttpClient(HttpClientNamePrefix + name)
                    .ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler { AllowAutoRedirect = false })
                    .RemoveAllLoggers(); // the request log would carry the Authorization header and the query
            });

    private static GitHubActionsCollector Create(IServiceProvider services, string name, GitHubActionsCollectorOptions options)
        => new(
            name,
            options,
            services.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(HttpClientNamePrefix + name),
            services.GetRequiredService<ICiErrorClassifier>(),
            ProviderRegistration.Time(services),
            ProviderRegistration.LoggerFactory(services));
}
