namespace Observability.Providers.CiLogs.Tests;

public sealed class CiErrorClassifierTests
{
    private static readonly CiErrorClassifier Classifier = CiErrorClassifier.Instance;

    [Theory]
    [InlineData("gh_api_rate_limit", CiErrorCategories.RateLimit, "API rate limit exceeded")]
    [InlineData("gha_timeout", CiErrorCategories.Timeout, "has timed out after 360 minutes")]
    [InlineData("gha_cancellation_shutdown", CiErrorCategories.Cancelled, "received a shutdown signal")]
    [InlineData("action_archive_download_failure", CiErrorCategories.Network, "download has timed out")]
    [InlineData("compile_error", CiErrorCategories.Compile, "kineto_metadata.cpp:128:26: error: no matching function")]
    [InlineData("lint_lintrunner", CiErrorCategories.Lint, "Run `lintrunner -a` to apply this patch.")]
    [InlineData("pytest_failure", CiErrorCategories.TestFailure, "FAILED [310.0221s] distributed/test_c10d_spawn_gloo.py")]
    [InlineData("pytest_failures_section", CiErrorCategories.TestFailure, "____ TestTorchDeviceTypeCPU.test_cauchy_kstest_cpu_bfloat16 ____")]
    [InlineData("unittest_failed_consistently", CiErrorCategories.TestFailure, "FAILED CONSISTENTLY: test/dynamo/test_dynamic_shapes.py")]
    public void ClassifyLog_RealPytorchFixture_GivesTheCategoryItsNameSays(string fixture, string category, string evidence)
    {
        var path = CiFixtures.Classify(fixture);
        var log = CiFixtures.Parse(path);

        var result = Classifier.ClassifyLog(log, File.ReadLines(path));

        var why = $"{result.Reason} | {string.Join(" || ", result.Evidence)}";
        Assert.True(category == result.Category, why);
        Assert.True(result.Evidence.Any(e => e.Contains(evidence, StringComparison.Ordinal)), why);
        Assert.True(result.Confidence > 0, result.Reason);
    }

    [Fact]
    public void Classify_ExitCodeLine_TakesTheCauseFromTheLinesAbove()
    {
        // error_log1 line 3194 "Process completed with exit code 1." follows "mv: cannot stat 'td_results.json': No such file or directory".
        var error = CiFixtures.Parse(CiFixtures.ErrorLog1).Errors[0];

        var result = Classifier.Classify(error);

        Assert.Equal(CiErrorCategories.NotFound, result.Category);
        Assert.Equal(CiErrorClassifier.ContextConfidence, result.Confidence);
        Assert.Equal("Process completed with exit code 1.", result.Evidence[0]);
        Assert.Contains("mv: cannot stat 'td_results.json': No such file or directory", result.Evidence);
        Assert.Contains("line 3194 in 'Run mkdir -p .additional_ci_files'", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Error: HttpError: API rate limit exceeded for installation ID 1", CiErrorCategories.RateLimit)]
    [InlineData("Failed to download archive 'https://codeload.github.com/a/b/tar.gz/0' after 3 attempts.", CiErrorCategories.Network)]
    [InlineData("curl: (7) Failed to connect: Connection refused", CiErrorCategories.Network)]
    [InlineData("fatal: could not read Username for 'https://github.com': terminal prompts disabled", CiErrorCategories.Authentication)]
    [InlineData("Error: Bad credentials", CiErrorCategories.Authentication)]
    [InlineData("npm ERR! 404 Not Found - GET https://registry.npmjs.org/nope", CiErrorCategories.NotFound)]
    [InlineData("Npgsql.PostgresException: 42P01: relation \"orders\" does not exist", CiErrorCategories.Database)]
    [InlineData("ERROR: syntax error at or near \"SELEC\"", CiErrorCategories.Database)]
    [InlineData("Request validation failed: 'email' is not valid", CiErrorCategories.Validation)]
    [InlineData("FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory", CiErrorCategories.OutOfMemory)]
    [InlineData("Program.cs(12,5): error CS0103: The name 'x' does not exist in the current context", CiErrorCategories.Compile)]
    [InlineData("Failed!  - Failed:    15, Passed:   238, Skipped:     0, Total:   253", CiErrorCategories.TestFailure)]
    [InlineData("The operation was canceled.", CiErrorCategories.Cancelled)]
    [InlineData("Process completed with exit code 1.", CiErrorCategories.Unknown)]
    public void Classify_MessageAlone_MatchesItsCategory(string message, string category)
    {
        var result = Classifier.Classify(new CiLogAnnotation(CiAnnotationLevel.Error, 7, null, "Run build", message));

        Assert.Equal(category, result.Category);
        Assert.Equal(category == CiErrorCategories.Unknown ? 0 : CiErrorClassifier.MessageConfidence, result.Confidence);
        Assert.Equal(message, result.Evidence[0]);
    }

    [Fact]
    public void ClassifyLines_NinjaFailedLine_IsACompileErrorNotATestFailure()
    {
        // compile_error.txt has ninja's "FAILED: [code=1] ….cpp.o" above the compiler's "file.cpp:128:26: error:".
        var result = Classifier.ClassifyLines(File.ReadLines(CiFixtures.Classify("compile_error")));

        Assert.Equal(CiErrorCategories.Compile, result.Category);
        Assert.Equal(CiErrorClassifier.LinesConfidence, result.Confidence);
        Assert.Contains(result.Evidence, e => e.StartsWith("FAILED: [code=1] caffe2/CMakeFiles/torch_cpu.dir", StringComparison.Ordinal));
    }

    [Fact]
    public void Classify_TestFailureMentioningTimeout_IsATestFailureNotNetwork()
    {
        // The rules are tried most specific first: a pytest FAILED line wins over its "timed out" words.
        var result = Classifier.Classify(new CiLogAnnotation(CiAnnotationLevel.Error, 1, null, null,
            "FAILED test_x.py::test_y - RuntimeError: Process 0 terminated or timed out after 310 seconds"));

        Assert.Equal(CiErrorCategories.TestFailure, result.Category);
    }

    [Fact]
    public void ClassifyLog_SuccessfulRun_IsUnknownWithAReason()
    {
        var log = CiLogParser.Default.Parse(["2024-01-01T00:00:00.0000000Z all good"], "ok.log");

        var result = Classifier.ClassifyLog(log);

        Assert.Equal(CiErrorCategories.Unknown, result.Category);
        Assert.Contains("ok.log has no error line", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Classifier_ImplementsTheLibraryClassifierInterface()
    {
        IClassifier<CiLogAnnotation> classifier = Classifier;

        Assert.Equal(CiErrorCategories.RateLimit, classifier.Classify(new CiLogAnnotation(CiAnnotationLevel.Error, 1, null, null, "429 Too Many Requests")).Category);
        Assert.Throws<ArgumentNullException>(() => classifier.Classify(null!));
    }
}
