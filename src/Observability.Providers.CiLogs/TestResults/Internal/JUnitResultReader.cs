using System.Globalization;
using System.Xml;

namespace Observability.Internal;

/// <summary>Reads JUnit XML: <c>testsuites</c>/<c>testsuite</c>/<c>testcase</c>, with Surefire's flaky and rerun elements.</summary>
internal static class JUnitResultReader
{
    public static TestResultSummary Read(XmlReader reader, string source, CancellationToken cancellationToken)
    {
        var tests = new List<TestCaseResult>();
        DateTimeOffset? finished = null;
        do
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (reader.LocalName is "testsuite" or "testsuites" && TestResultValues.Timestamp(reader.GetAttribute("timestamp")) is { } start)
            {
                var end = start + (TestResultValues.Seconds(reader.GetAttribute("time")) ?? TimeSpan.Zero);
                finished = finished is null || end > finished ? end : finished;
            }
            else if (reader.LocalName == "testcase")
            {
                cancellationToken.ThrowIfCancellationRequested();
                tests.Add(ReadCase(reader, source));
            }
        }
        while (reader.Read());

        return new TestResultSummary { Source = source, Format = "junit", FinishedAt = finished, Tests = tests, FlakyTests = TestResultValues.Flaky(tests) };
    }

    private static TestCaseResult ReadCase(XmlReader reader, string source)
    {
        var line = ((IXmlLineInfo)reader).LineNumber;
        var name = reader.GetAttribute("name");
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{source} line {line}: <testcase> has no name."));
        }

        var className = reader.GetAttribute("classname");
        var fullName = string.IsNullOrWhiteSpace(className) ? name : $"{className}.{name}";
        var duration = TestResultValues.Seconds(reader.GetAttribute("time"));
        var outcome = TestCaseOutcome.Passed;
        string? message = null;
        var retried = false;
        if (!reader.IsEmptyElement)
        {
            using var inner = reader.ReadSubtree();
            inner.Read();
            while (inner.Read())
            {
                if (inner.NodeType != XmlNodeType.Element || inner.Depth != 1)
                {
                    continue;
                }

                switch (inner.LocalName)
                {
                    case "failure" or "error":
                        outcome = TestCaseOutcome.Failed;
                        message ??= inner.GetAttribute("message");
                        break;
                    case "skipped" when outcome != TestCaseOutcome.Failed:
                        outcome = TestCaseOutcome.Skipped;
                        message ??= inner.GetAttribute("message");
                        break;
                    case "flakyFailure" or "flakyError" or "rerunFailure" or "rerunError":
                        retried = true;
                        message ??= inner.GetAttribute("message");
                        break;
                }
            }
        }

        // Surefire: flaky* = failed, then passed on a rerun; rerun* beside a final failure = failed every time.
        return new TestCaseResult(fullName, outcome, duration, message) { Flaky = retried && outcome == TestCaseOutcome.Passed };
    }
}
