using System.Text;

namespace Observability.Providers.CiLogs.Tests;

public sealed class CiLogParserTests
{
    [Fact]
    public void Parse_FailingPytorchJob_FindsBothExitCodeErrorsWithTheirSteps()
    {
        // error_log1: 4767 line feeds and a last line without one (wc -l says 4767): 4768 lines; `grep -n '##\[error\]'` gives lines 3194 and 4047; the last `##[group]Run` above
        // 3194 is line 3185 (Run mkdir -p .additional_ci_files), above 4047 it is line 3336 (Run set -x).
        var log = CiFixtures.Parse(CiFixtures.ErrorLog1);

        Assert.Equal(4768, log.LineCount);
        Assert.Equal(CiRunConclusion.Failure, log.Conclusion);
        Assert.Equal(2, log.ErrorCount);
        Assert.Equal([3194, 4047], log.Errors.Select(e => e.LineNumber));
        Assert.Equal("Run mkdir -p .additional_ci_files", log.Errors[0].Step);
        Assert.Equal("Run set -x", log.Errors[1].Step);
        Assert.Equal("Process completed with exit code 1.", log.Errors[0].Message);
        Assert.Equal(new DateTimeOffset(2024, 7, 8, 16, 56, 59, TimeSpan.Zero).AddTicks(8649160), log.Errors[0].Timestamp);
        Assert.Contains("mv: cannot stat 'td_results.json': No such file or directory", log.Errors[0].Context);
        Assert.Equal(CiLogParser.ContextLines, log.Errors[0].Context.Count);
        Assert.Contains("line 3194 in 'Run mkdir -p .additional_ci_files'", log.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FailingPytorchJob_ReadsStepsAndTimestamps()
    {
        // `grep -c '##\[group\]'` = 74 groups, 62 of them `##[group]Run `; first line 16:48:09.3750041Z,
        // last line 16:59:37.9561403Z "Cleaning up orphan processes": 11 min 28.5811362 s.
        var log = CiFixtures.Parse(CiFixtures.ErrorLog1);

        Assert.Equal(74, log.Steps.Count);
        Assert.Equal(62, log.Steps.Count(s => s.Name.StartsWith("Run ", StringComparison.Ordinal)));
        Assert.Equal(new DateTimeOffset(2024, 7, 8, 16, 48, 9, TimeSpan.Zero).AddTicks(3750041), log.StartedAt);
        Assert.Equal(new DateTimeOffset(2024, 7, 8, 16, 59, 37, TimeSpan.Zero).AddTicks(9561403), log.FinishedAt);
        Assert.Equal(TimeSpan.FromMinutes(11) + TimeSpan.FromTicks(285811362), log.Duration);
        Assert.Equal(0, log.WarningCount);
    }

    [Fact]
    public void Parse_PassingBenchmarkJob_IsSuccessWithTheRunnerCompletionMarker()
    {
        // log5_success: 5156 line feeds + an unterminated last line = 5157 lines, 0 `##[error]`, 62 `##[group]`, ends with "Cleaning up orphan processes".
        var log = CiFixtures.Parse(CiFixtures.Log5Success);

        Assert.Equal(5157, log.LineCount);
        Assert.Equal(CiRunConclusion.Success, log.Conclusion);
        Assert.False(log.IsFailed);
        Assert.Empty(log.Errors);
        Assert.Equal(62, log.Steps.Count);
        Assert.Contains("Cleaning up orphan processes", log.Reason, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2023, 9, 29, 22, 20, 53, TimeSpan.Zero).AddTicks(5168082), log.FinishedAt);
    }

    [Fact]
    public void Parse_CancellationLogWithBom_IsCancelled()
    {
        // 17 lines, a UTF-8 BOM before the first timestamp, then two ##[error] lines: shutdown signal, task canceled.
        var log = CiFixtures.Parse(CiFixtures.Classify("gha_cancellation_shutdown"));

        Assert.Equal(CiRunConclusion.Cancelled, log.Conclusion);
        Assert.Equal(2, log.ErrorCount);
        Assert.Equal(new DateTimeOffset(2026, 7, 29, 18, 8, 9, TimeSpan.Zero).AddTicks(3849214), log.StartedAt);
        Assert.StartsWith("cancelled: The runner has received a shutdown signal", log.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ActionTimeout_IsTimedOut()
    {
        var log = CiFixtures.Parse(CiFixtures.Classify("gha_timeout"));

        Assert.Equal(CiRunConclusion.TimedOut, log.Conclusion);
        Assert.Equal(31, Assert.Single(log.Errors).LineNumber);
        Assert.True(log.IsFailed);
    }

    [Fact]
    public void Parse_LintRun_CountsFourteenWarnings()
    {
        // `grep -c '##\[warning\]' lint_lintrunner.txt` = 14; errors at 285, 286, 287.
        var log = CiFixtures.Parse(CiFixtures.Classify("lint_lintrunner"));

        Assert.Equal(14, log.WarningCount);
        Assert.Equal(14, log.Warnings.Count);
        Assert.Equal([285, 286, 287], log.Errors.Select(e => e.LineNumber));
        Assert.Equal(CiRunConclusion.Failure, log.Conclusion);
    }

    [Fact]
    public void Parse_Rules_CountMatchingLinesPerMetric()
    {
        // error_log1 has 2 "Process completed with exit code" lines and 74 ##[group] lines; two rules on one metric add up.
        var parser = new CiLogParser(
        [
            new CiLogRule { Metric = "exit_codes", Pattern = @"Process completed with exit code \d+" },
            new CiLogRule { Metric = "groups", Pattern = @"^##\[group\]" },
            new CiLogRule { Metric = "groups", Pattern = @"^##\[endgroup\]" },
            new CiLogRule { Metric = "approval_conflict", Pattern = "approval conflict" },
        ]);

        var log = CiFixtures.Parse(CiFixtures.ErrorLog1, parser);

        Assert.Equal(2, log.Counters["exit_codes"]);
        Assert.Equal(74 + 74, log.Counters["groups"]);
        Assert.Equal(0, log.Counters["approval_conflict"]);
    }

    [Fact]
    public void Parse_PlainTextAndWorkflowCommands_WithoutTimestamps()
    {
        var lines = new[]
        {
            "::group::Build",
            "##[group]Run dotnet build",
            "compiling",
            "::warning file=a.cs,line=3::obsolete API",
            "::error::build failed",
            "##[endgroup]",
        };

        var log = CiLogParser.Default.Parse(lines, "inline");

        Assert.Null(log.StartedAt);
        Assert.Null(log.Duration);
        var error = Assert.Single(log.Errors);
        Assert.Equal("build failed", error.Message);
        Assert.Equal("Run dotnet build", error.Step);
        Assert.Equal(5, error.LineNumber);
        Assert.Equal("obsolete API", Assert.Single(log.Warnings).Message);
        Assert.Equal(CiRunConclusion.Failure, log.Conclusion);
    }

    [Fact]
    public void Parse_BlankTimestampLinesWithAndWithoutSpace_KeepTheirTimestamp()
    {
        var log = CiLogParser.Default.Parse(["2024-07-08T16:48:09.3750041Z", "2024-07-08T16:48:10.0000000Z ", "no timestamp here"], "blank");

        Assert.Equal(TimeSpan.FromTicks(6249959), log.Duration); // 10.0000000 - 09.3750041 s
        Assert.Equal(CiRunConclusion.Success, log.Conclusion);
        Assert.Contains("may be partial", log.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EmptyLog_IsUnknown()
    {
        var log = CiLogParser.Default.Parse(new StringReader(string.Empty), "empty");

        Assert.Equal(0, log.LineCount);
        Assert.Equal(CiRunConclusion.Unknown, log.Conclusion);
    }

    [Fact]
    public void Parse_TenMegabyteLine_IsCutAndTheNextLinesStillRead()
    {
        // 10 * 1024 * 1024 'x' on line 2, then an error on line 3; the cut keeps 1000 characters.
        var text = new StringBuilder()
            .Append("2024-01-01T00:00:00.0000000Z start\r\n")
            .Append('x', 10 * 1024 * 1024).Append('\n')
            .Append("2024-01-01T00:00:01.0000000Z ##[error]after the long line\r")
            .Append("last")
            .ToString();
        var parser = new CiLogParser([new CiLogRule { Metric = "x_lines", Pattern = "^x+$" }], maxLineLength: 1000);

        var log = parser.Parse(new StringReader(text), "huge");

        Assert.Equal(4, log.LineCount);
        Assert.Equal(1, log.TruncatedLines);
        Assert.Equal(1, log.Counters["x_lines"]);
        Assert.Equal(3, Assert.Single(log.Errors).LineNumber);
        Assert.Equal(1000, log.Errors[0].Context[^1].Length);
    }

    [Fact]
    public void Parse_CatastrophicRulePattern_TimesOutAsNoMatchInsteadOfHanging()
    {
        // (a+)+$ on 40 'a' and a 'b' backtracks 2^40 ways; the 100 ms rule timeout turns it into "no match".
        var parser = new CiLogParser([new CiLogRule { Metric = "evil", Pattern = "^(a+)+$" }, new CiLogRule { Metric = "b", Pattern = "b$" }]);

        var log = parser.Parse([new string('a', 40) + "b"], "evil");

        Assert.Equal(0, log.Counters["evil"]);
        Assert.Equal(1, log.Counters["b"]);
    }

    [Fact]
    public void Parse_CancelledToken_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => CiLogParser.Default.Parse(new StringReader("x"), "x", cancelled.Token));
    }

    [Fact]
    public void Parse_AnsiColours_AreRemovedBeforeMatching()
    {
        var log = CiLogParser.Default.Parse(["2024-01-01T00:00:00.0000000Z \u001b[31m##[error]\u001b[0mred failure"], "ansi");

        Assert.Equal("red failure", Assert.Single(log.Errors).Message);
    }

    [Fact]
    public void Constructor_BadRulesAndLimits_ThrowNamingTheProblem()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CiLogParser(maxLineLength: 79));
        var noMetric = Assert.Throws<ArgumentException>(() => new CiLogParser([new CiLogRule { Pattern = "x" }]));
        Assert.Contains("Rule 0 has no Metric", noMetric.Message, StringComparison.Ordinal);
        var badPattern = Assert.Throws<ArgumentException>(() => new CiLogParser([new CiLogRule { Metric = "m", Pattern = "(" }]));
        Assert.Contains("Rule 0 ('m') has an invalid Pattern", badPattern.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => CiLogParser.Default.Parse(new StringReader("x"), " "));
    }
}
