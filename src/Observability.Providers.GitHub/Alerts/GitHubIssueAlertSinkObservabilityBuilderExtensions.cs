using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Observability;
using Observability.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds a <see cref="GitHubIssueAlertSink"/> to Observability.</summary>
public static class GitHubIssueAlertSinkObservabilityBuilderExtensions
{
    /// <summary>The prefix of the named HTTP handler of each sink: <c>Observability.GitHubIssues.</c> followed by its name.</summary>
    public const string HttpClientNamePrefix = "Observability.GitHubIssues.";

    /// <summary>Adds a GitHub issue alert sink named <c>github-issues</c> with default options; set the repository and token through configuration.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddGitHubIssueAlertSink(this IObservabilityBuilder builder)
        => builder.AddGitHubIssueAlertSink(GitHubIssueAlertSinkOptions.DefaultName, static _ => { });

    /// <summary>Adds a GitHub issue alert sink named <c>github-issues</c>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddGitHubIssueAlertSink(this IObservabilityBuilder builder, Action<GitHubIssueAlertSinkOptions> configure)
        => builder.AddGitHubIssueAlertSink(GitHubIssueAlertSinkOptions.DefaultName, configure);

    /// <summary>Adds a GitHub issue alert sink with a name of its own (also the name of its <c>HttpClient</c>).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="name">The sink's name, unique among sinks.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddGitHubIssueAlertSink(this IObservabilityBuilder builder, string name, Action<GitHubIssueAlertSinkOptions> configure)
        => Add(builder, name, ProviderRegistration.From(configure));

    /// <summary>Adds a GitHub issue alert sink named <c>github-issues</c> with options bound from configuration.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configuration">The section holding <see cref="GitHubIssueAlertSinkOptions"/>.</param>
    /// <returns>The builder.</returns>
    public static IObservabilityBuilder AddGitHubIssueAlertSink(this IObservabilityBuilder builder, IConfigurationSection configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Add(builder, GitHubIssueAlertSinkOptions.DefaultName, options => options.Bind(configuration));
    }

    private static IObservabilityBuilder Add(IObservabilityBuilder builder, string name, Action<OptionsBuilder<GitHubIssueAlertSinkOptions>> configure)
        => ProviderRegistration.Add<IAlertSink, GitHubIssueAlertSinkOptions, GitHubIssueAlertSinkOptionsValidator>(
            builder, name, configure, Create, static (services, sinkName) => services.AddHttpClient(HttpClientNamePrefix + sinkName).RemoveAllLoggers());

    private static GitHubIssueAlertSink Create(IServiceProvider services, string name, GitHubIssueAlertSinkOptions options)
        => new(
            name,
            options,
            services.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(HttpClientNamePrefix + name),
            ProviderRegistration.Time(services),
            ProviderRegistration.LoggerFactory(services));
}
