using Microsoft.Extensions.DependencyInjection;

namespace Observability.Core.Tests.Reporting;

public sealed class ReporterObservabilityBuilderExtensionsTests
{
    [Fact]
    public void AddReporters_CalledTwice_RegistersEachOnceAsSingleton()
    {
        var builder = new Builder();

        builder.AddJsonReporter().AddMarkdownReporter().AddJsonReporter().AddMarkdownReporter();

        using var provider = builder.Services.BuildServiceProvider();
        var reporters = provider.GetServices<IReporter>().ToList();
        Assert.Equal(["json", "markdown"], reporters.Select(r => r.Format));
        Assert.Same(reporters[0], provider.GetServices<IReporter>().First());
    }

    [Fact]
    public void AddReporters_NullBuilder_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => ((IObservabilityBuilder)null!).AddJsonReporter());
        Assert.Throws<ArgumentNullException>(() => ((IObservabilityBuilder)null!).AddMarkdownReporter());
    }

    private sealed class Builder : IObservabilityBuilder
    {
        public IServiceCollection Services { get; } = new ServiceCollection();
    }
}
