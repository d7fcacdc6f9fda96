namespace Observability;

/// <summary>The categories <see cref="CiErrorClassifier"/> puts CI error lines in.</summary>
public static class CiErrorCategories
{
    /// <summary>An API or registry rate limit (HTTP 429, <c>API rate limit exceeded</c>).</summary>
    public const string RateLimit = "rate_limit";

    /// <summary>A network failure: connection refused or reset, DNS, a download or request that timed out.</summary>
    public const string Network = "network";

    /// <summary>The job or an action hit its time limit (<c>has timed out after 360 minutes</c>).</summary>
    public const string Timeout = "timeout";

    /// <summary>The run was cancelled or its runner shut down.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>Credentials missing, wrong or without permission (HTTP 401/403, <c>Bad credentials</c>).</summary>
    public const string Authentication = "authentication";

    /// <summary>Something named does not exist (HTTP 404, no such file, unknown revision).</summary>
    public const string NotFound = "not_found";

    /// <summary>A database problem: SQL errors, schema or migration failures, deadlocks.</summary>
    public const string Database = "database";

    /// <summary>Input or configuration rejected as invalid (HTTP 400/422, schema validation).</summary>
    public const string Validation = "validation";

    /// <summary>The process ran out of memory (OOM killer, <c>OutOfMemoryError</c>, exit code 137).</summary>
    public const string OutOfMemory = "out_of_memory";

    /// <summary>A compiler error (<c>file.cpp:12:3: error:</c>, <c>error CS0103</c>).</summary>
    public const string Compile = "compile";

    /// <summary>Tests failed (pytest <c>FAILED</c>, <c>FAILED CONSISTENTLY</c>, <c>dotnet test</c> summary).</summary>
    public const string TestFailure = "test_failure";

    /// <summary>A linter reported problems (lintrunner, eslint, flake8).</summary>
    public const string Lint = "lint";

    /// <summary>No rule matched.</summary>
    public const string Unknown = "unknown";
}
