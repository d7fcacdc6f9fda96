namespace Observability.Providers.GitHub.Tests.Infrastructure;

/// <summary>Scripted answers for <see cref="FakeGitHubIssues.Override"/>.</summary>
internal static class Script
{
    /// <summary>Answers <paramref name="response"/> to <paramref name="method"/> requests whose path ends with <paramref name="pathEnd"/>.</summary>
    public static Func<LoopbackRequest, LoopbackResponse?> On(string method, string pathEnd, LoopbackResponse response)
        => r => r.Method == method && r.Path.EndsWith(pathEnd, StringComparison.Ordinal) ? response : null;

    /// <summary>A recorded error fixture's body, with its status (default 403) and headers unless given.</summary>
    public static LoopbackResponse Fixture(string name, int? status = null, IReadOnlyDictionary<string, string>? headers = null)
        => LoopbackResponse.Json(Fixtures.ErrorBody(name), status ?? 403, headers ?? Fixtures.ErrorHeaders(name));
}
