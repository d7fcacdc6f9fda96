using System.Globalization;
using System.Xml;

namespace Observability.Internal;

/// <summary>Reads a VSTest TRX file (namespace <c>http://microsoft.com/schemas/VisualStudio/TeamTest/2010</c>).</summary>
internal static class TrxResultReader
{
    public static TestResultSummary Read(XmlReader reader, string source, CancellationToken cancellationToken)
    {
        var tests = new List<TestCaseResult>();
        DateTimeOffset? finished = null;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (reader.LocalName == "Times")
            {
                finished = TestResultValues.Timestamp(reader.GetAttribute("finish"));
            }
            else if (reader.LocalName == "UnitTestResult")
            {
                cancellationToken.ThrowIfCancellationRequested();
                tests.Add(ReadResult(reader, source));
            }
        }

        return new TestResultSummary { Source = source, Format = "trx", FinishedAt = finished, Tests = tests, FlakyTests = TestResultValues.Flaky(tests) };
    }

    private static TestCaseResult ReadResult(XmlReader reader, string source)
    {
        var line = ((IXmlLineInfo)reader).LineNumber;
        var name = reader.GetAttribute("testName");
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{source} line {line}: <UnitTestResult> has no testName."));
        }

        var outcome = reader.GetAttribute("outcome") switch
        {
            "Passed" or "PassedButRunAborted" => TestCaseOutcome.Passed,
            "Failed" or "Error" or "Timeout" or "Aborted" => TestCaseOutcome.Failed,
            _ => TestCaseOutcome.Skipped,
        };
        var duration = TestResultValues.TimeSpanValue(reader.GetAttribute("duration"));
        string? message = null;
        if (!reader.IsEmptyElement)
        {
            using var inner = reader.ReadSubtree();
            while (inner.Read())
            {
                if (inner.NodeType == XmlNodeType.Element && inner.LocalName == "Message" && message is null)
                {
                    message = inner.ReadElementContentAsString().Trim();
                }
            }
        }

        return new TestCaseResult(name, outcome, duration, message);
    }
}
