using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Observability;
using Observability.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Posts every monitoring pass's verdict as a GitHub commit status (an <see cref="IMonitoringPassObserver"/>).</summary>
public static class GitHubCommitStatusObservabilityBuilderExtensions
{
    /// <summary>The prefix of the named HTTP handler of each commit status: <c>Observability.GitHubCommitStatus.</c> followed by its name.</summary>
    public const string HttpClientNamePrefix = "Observability.GitHubCommitStatus.";

    /// <summary>Adds a commit status named <c>github-commit-status</c> with default options; set the repository, token and SHA through configuration.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddGitHubCommitStatus(this IObservabilityBuilder builder)
        => builder.AddGitHubCommitStatus(GitHubCommitStatusOptions.DefaultName, static _ => { });

    /// <summary>Adds a commit status named <c>github-commit-status</c>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the options (<see cref="GitHubCommitStatusOptions.Repository"/>, <see cref="GitHubCommitStatusOptions.Token"/> and <see cref="GitHubCommitStatusOptions.Sha"/> are required).</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddGitHubCommitStatus(this IObservabilityBuilder builder, Action<GitHubCommitStatusOptions> configure)
        => builder.AddGitHubCommitStatus(GitHubCommitStatusOptions.DefaultName, configure);

    /// <summary>Adds a commit status with a name of its own (also the name of its <c>HttpClient</c>), for example one per context.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The name, unique among commit statuses.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddGitHubCommitStatus(this IObservabilityBuilder builder, string name, Action<GitHubCommitStatusOptions> configure)
        => Add(builder, name, ProviderRegistration.From(configure));

    /// <summary>Adds a commit status named <c>github-commit-status</c> with options bound from configuration.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configuration">The section holding <see cref="GitHubCommitStatusOptions"/>.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddGitHubCommitStatus(this IObservabilityBuilder builder, IConfigurationSection configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Add(builder, GitHubCommitStatusOptions.DefaultName, options => options.Bind(configuration));
    }

    private static IObservabilityBuilder Add(IObservabilityBuilder builder, string name, Action<OptionsBuilder<GitHubCommitStatusOptions>> configure)
        => ProviderRegistration.Add<IMonitoringPassObserver, GitHubCommitStatusOptions, GitHubCommitStatusOptionsValidator>(
            builder,
            name,
            configure,
            Create,
            static (services, observerName) => services
                .AddHttpClient(HttpClientNamePrefix + observerName)

                // Octokit follows redirects itself, within the API host only (ApiHostOnlyHandler), so the handler must not.
                .ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler { AllowAutoRedirect = false })

                // The factory's request logging hands the Authorization header to structured loggers at Trace level,
                // unredacted; the observer logs each outcome itself.
                .RemoveAllLoggers());

    private static IMonitoringPassObserver Create(IServiceProvider services, string name, GitHubCommitStatusOptions options)
        => new GitHubCommitStatusObserver(
            name,
            options,
            services.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(HttpClientNamePrefix + name),
            ProviderRegistration.Time(services),
            ProviderRegistration.LoggerFactory(services));
}
