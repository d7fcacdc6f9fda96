using System.Text;

namespace Observability.Providers.CiLogs.Tests;

public sealed class TestResultParserTests
{
    [Fact]
    public void ParseFile_DotnetTrx_CountsTheUnitTestResultOutcomes()
    {
        // `grep -o '<UnitTestResult [^>]*' | grep -o ' outcome=…' | uniq -c`: Passed 5, Failed 5, NotExecuted 1 (11 results;
        // the file's other outcome attributes belong to <ResultSummary> and inner elements). Durations sum to 0.1180096 s.
        var summary = TestResultParser.ParseFile(CiFixtures.TestResult("dorny_dotnet-trx.trx"));

        Assert.Equal("trx", summary.Format);
        Assert.Equal(5, summary.Passed);
        Assert.Equal(5, summary.Failed);
        Assert.Equal(1, summary.Skipped);
        Assert.Equal(11, summary.Total);
        Assert.Equal(TimeSpan.FromTicks(1180096), summary.Duration);
        Assert.Empty(summary.FlakyTests);
        Assert.Equal(new DateTimeOffset(2021, 4, 20, 8, 31, 33, TimeSpan.FromHours(2)).AddTicks(1023832), summary.FinishedAt);
        var failing = Assert.Single(summary.Tests, t => t.Name == "DotnetTests.XUnitTests.CalculatorTests.Exception_In_Test");
        Assert.Equal(TestCaseOutcome.Failed, failing.Outcome);
        Assert.Equal("System.Exception : Test", failing.Message); // <ErrorInfo><Message> of line 39
    }

    [Fact]
    public void ParseFile_SilentNotesTrx_SameShortNamesInOtherClassesAreNotFlaky()
    {
        // 67 Passed + 12 NotExecuted = 79; 8 testName values repeat (in different classes) but none failed.
        var summary = TestResultParser.ParseFile(CiFixtures.TestResult("dorny_external_SilentNotes.trx"));

        Assert.Equal((67, 0, 12, 79), (summary.Passed, summary.Failed, summary.Skipped, summary.Total));
        Assert.Empty(summary.FlakyTests);
    }

    [Fact]
    public void ParseFile_EmptyTrx_HasNoTests()
    {
        var summary = TestResultParser.ParseFile(CiFixtures.TestResult("dorny_empty_dotnet-trx.trx"));

        Assert.Equal(0, summary.Total);
        Assert.Equal(TimeSpan.Zero, summary.Duration);
    }

    [Fact]
    public void ParseFile_PytestJUnit_CountsFailuresAndSkips()
    {
        // 10 <testcase>: 2 with <failure>, 2 with <skipped> (skip and xfail), 6 passed; suite timestamp 11:51:49.548396-05:00 + 0.019 s.
        var summary = TestResultParser.ParseFile(CiFixtures.TestResult("dorny_python-xunit-pytest.xml"));

        Assert.Equal("junit", summary.Format);
        Assert.Equal((6, 2, 2, 10), (summary.Passed, summary.Failed, summary.Skipped, summary.Total));
        Assert.Equal(TimeSpan.FromMilliseconds(7), summary.Duration); // 0.002 + 0.005, the rest 0.000
        Assert.Equal(new DateTimeOffset(2025, 11, 15, 11, 51, 49, TimeSpan.FromHours(-5)).AddTicks(5483960).AddMilliseconds(19), summary.FinishedAt);
        Assert.Equal("assert False", summary.Tests.Single(t => t.Name == "tests.test_lib.test_always_fail").Message);
    }

    [Fact]
    public void ParseFile_JUnit4Complete_SeparatesFailureErrorAndSkipped()
    {
        // 8 testcases (the 9th "<testcase" is in a comment): 1 failure, 1 error, 1 skipped => 5 passed, 2 failed;
        // times 2.436 + 1.534 + 0.822 + 0 + 2.902412 + 3.819 + 2.944 + 1.625275 = 16.082687 s.
        var summary = TestResultParser.ParseFile(CiFixtures.TestResult("dorny_external_java_junit4-complete.xml"));

        Assert.Equal((5, 2, 1, 8), (summary.Passed, summary.Failed, summary.Skipped, summary.Total));
        Assert.Equal(16.082687, summary.Duration.TotalSeconds, precision: 6); // each time rounds to 100 ns ticks
        Assert.Equal("Division by zero.", summary.Tests.Single(t => t.Name == "Tests.Registration.testCase6").Message);
    }

    [Fact]
    public void Parse_JUnitFlakyAndRerunElements_MarkFlakyOnlyWhenTheTestFinallyPassed()
    {
        // Synthetic, in Surefire's shape: a flakyFailure on a passing case, a rerunFailure beside a final failure.
        const string Xml = """
            <testsuite name="s" tests="3">
              <testcase classname="A" name="flaky" time="1.5"><flakyFailure message="first try"/></testcase>
              <testcase classname="A" name="broken" time="2"><failure message="always"/><rerunFailure message="again"/></testcase>
              <testcase classname="A" name="fine" time="0.5"/>
            </testsuite>
            """;

        var summary = Parse(Xml);

        Assert.Equal(["A.flaky"], summary.FlakyTests);
        Assert.Equal((2, 1), (summary.Passed, summary.Failed));
        Assert.Equal(TimeSpan.FromSeconds(4), summary.Duration); // 1.5 + 2 + 0.5
    }

    [Fact]
    public void Parse_TrxRetry_SameNameFailedThenPassedIsFlaky()
    {
        // Synthetic: a retried test appears twice, Failed then Passed; a test that only failed is not flaky.
        const string Xml = """
            <TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010"><Results>
              <UnitTestResult testName="N.Retried" outcome="Failed" duration="00:00:01" />
              <UnitTestResult testName="N.Broken" outcome="Failed" duration="00:00:02" />
              <UnitTestResult testName="N.Retried" outcome="Passed" duration="00:00:01.5" />
            </Results></TestRun>
            """;

        var summary = Parse(Xml);

        Assert.Equal(["N.Retried"], summary.FlakyTests);
        Assert.Equal((1, 2, 3), (summary.Passed, summary.Failed, summary.Total));
        Assert.Equal(TimeSpan.FromSeconds(4.5), summary.Duration);
    }

    [Fact]
    public void Parse_TruncatedTrx_ThrowsInvalidDataNamingFileAndLine()
    {
        // The real TRX cut after 2000 bytes ends inside an element.
        var bytes = File.ReadAllBytes(CiFixtures.TestResult("dorny_dotnet-trx.trx"))[..2000];

        var exception = Assert.Throws<InvalidDataException>(() => TestResultParser.Parse(new MemoryStream(bytes), "cut.trx"));

        Assert.StartsWith("cut.trx line ", exception.Message, StringComparison.Ordinal);
        Assert.Contains("malformed XML", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MismatchedTag_ReportsItsLine()
    {
        var exception = Assert.Throws<InvalidDataException>(() => Parse("<testsuite>\n<testcase name=\"a\">\n</testsuite>", "bad.xml"));

        Assert.StartsWith("bad.xml line 3, position", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Dtd_IsProhibited()
    {
        const string Xxe = """<?xml version="1.0"?><!DOCTYPE t [<!ENTITY x SYSTEM "file:///etc/passwd">]><testsuite><testcase name="&x;"/></testsuite>""";

        var exception = Assert.Throws<InvalidDataException>(() => Parse(Xxe, "xxe.xml"));

        Assert.Contains("DTD", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OtherRootElement_IsRejectedByName()
    {
        var exception = Assert.Throws<InvalidDataException>(() => Parse("<test-run/>", "nunit.xml"));

        Assert.Contains("<test-run> is neither JUnit", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TestCaseWithoutName_IsRejectedWithItsLine()
    {
        var exception = Assert.Throws<InvalidDataException>(() => Parse("<testsuite>\n  <testcase classname=\"A\"/>\n</testsuite>", "noname.xml"));

        Assert.Equal("noname.xml line 2: <testcase> has no name.", exception.Message);
    }

    private static TestResultSummary Parse(string xml, string source = "inline.xml")
        => TestResultParser.Parse(new MemoryStream(Encoding.UTF8.GetBytes(xml)), source);
}
