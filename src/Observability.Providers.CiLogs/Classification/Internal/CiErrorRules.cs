using System.Text.RegularExpressions;

namespace Observability.Internal;

/// <summary>
/// The built-in rules, most specific first: a line takes the category of the first rule it matches
/// (a pytest <c>FAILED … timed out after 310 seconds</c> is a test failure, not a network timeout).
/// </summary>
internal static partial class CiErrorRules
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;
    private const int Timeout = CiLogPatterns.TimeoutMilliseconds;

    public static IReadOnlyList<(string Category, Regex Regex)> All { get; } =
    [
        (CiErrorCategories.Timeout, TimeoutRule()),
        (CiErrorCategories.Cancelled, CancelledRule()),
        (CiErrorCategories.RateLimit, RateLimitRule()),
        (CiErrorCategories.OutOfMemory, OutOfMemoryRule()),
        (CiErrorCategories.TestFailure, TestFailureRule()),
        (CiErrorCategories.Compile, CompileRule()),
        (CiErrorCategories.Lint, LintRule()),
        (CiErrorCategories.Authentication, AuthenticationRule()),
        (CiErrorCategories.Database, DatabaseRule()),
        (CiErrorCategories.Network, NetworkRule()),
        (CiErrorCategories.NotFound, NotFoundRule()),
        (CiErrorCategories.Validation, ValidationRule()),
    ];

    [GeneratedRegex(@"has timed out after \d+ minutes|exceeded the maximum execution time|job was cancelled because it exceeded", Options, Timeout)]
    private static partial Regex TimeoutRule();

    [GeneratedRegex(@"^The operation was canceled|received a shutdown signal|^A task was canceled|\bwas cancell?ed by\b|^Canceling since a higher priority waiting request", Options, Timeout)]
    private static partial Regex CancelledRule();

    [GeneratedRegex(@"rate limit (exceeded|reached)|secondary rate limit|\b429 Too Many Requests|\bTooManyRequests\b|\bx-ratelimit-remaining: 0\b", Options, Timeout)]
    private static partial Regex RateLimitRule();

    [GeneratedRegex(@"\bout of memory\b|OutOfMemory|Cannot allocate memory|\bKilled signal terminated program\b|\bexit code 137\b|\boom-kill|JavaScript heap out of memory|std::bad_alloc", Options, Timeout)]
    private static partial Regex OutOfMemoryRule();

    [GeneratedRegex(@"(?-i:^FAILED(?!:)\b)|(?-i:^FAILED CONSISTENTLY:)|^Failed!\s+-\s+Failed:\s+[1-9]|^=+ .*\b[1-9]\d* failed\b|\b[1-9]\d* tests? failed\b|^_{3,} \S+ _{3,}$|^Tests run: \d+, Failures: [1-9]", Options, Timeout)]
    private static partial Regex TestFailureRule();

    [GeneratedRegex(@"\.(?:c|cc|cpp|cxx|h|hpp|cu|cuh|m|mm|rs|go|java|kt|swift|cs|ts|tsx)(?::\d+:\d+:|\(\d+,\d+\):) (?:fatal )?error\b|\berror (?:CS|TS|FS|BC)\d{4}\b|^error\[E\d{4}\]|undefined reference to|compilation terminated|(?-i:^FAILED: )(?:\[code=\d+\] )?\S+\.(?:o|obj)$", Options, Timeout)]
    private static partial Regex CompileRule();

    [GeneratedRegex(@"^>>> Lint for |\blintrunner\b|\beslint\b|\bflake8\b|\bruff check\b|\bLint (?:issues|errors) found", Options, Timeout)]
    private static partial Regex LintRule();

    [GeneratedRegex(@"Bad credentials|\b401\b.*Unauthorized|Unauthorized\b.*\b401\b|authentication (?:failed|required)|Permission denied \(publickey\)|Resource not accessible by integration|\b403\b.*Forbidden|invalid (?:token|credentials)|could not read Username", Options, Timeout)]
    private static partial Regex AuthenticationRule();

    [GeneratedRegex(@"\bSQLSTATE\b|syntax error at or near|relation "".*"" does not exist|\bdeadlock (?:detected|found)\b|migration (?:failed|error)|\bORA-\d{5}\b|\bSqlException\b|duplicate key value violates|no such table|database (?:error|is locked)", Options, Timeout)]
    private static partial Regex DatabaseRule();

    [GeneratedRegex(@"Failed to download|download has timed out|\btimed out\b|Connection (?:refused|reset|timed out)|\bECONNRESET\b|\bECONNREFUSED\b|\bETIMEDOUT\b|Could not resolve host|Temporary failure in name resolution|Network is unreachable|TLS handshake|\b50[234] (?:Bad Gateway|Service Unavailable|Gateway Time-?out)|socket hang up|\bHttpRequestException\b", Options, Timeout)]
    private static partial Regex NetworkRule();

    [GeneratedRegex(@"\b404\b.*Not Found|No such file or directory|cannot stat|\bnot found\b|does not exist|Unable to resolve action|unknown revision", Options, Timeout)]
    private static partial Regex NotFoundRule();

    [GeneratedRegex(@"validation (?:failed|error)|\bis not valid\b|\binvalid (?:input|argument|value|configuration|format)\b|\b422 Unprocessable|\b400 Bad Request|schema validation", Options, Timeout)]
    private static partial Regex ValidationRule();
}
