using System.Xml;
using Observability.Internal;

namespace Observability;

/// <summary>
/// Reads JUnit XML (pytest, jest-junit, Surefire) and TRX (<c>dotnet test --logger trx</c>) files. DTDs are
/// prohibited and no external resource is resolved (no XXE). A malformed file throws
/// <see cref="InvalidDataException"/> naming the file, line and position.
/// </summary>
public static class TestResultParser
{
    /// <summary>Parses a test result file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Stops a long read.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="InvalidDataException">The file is not well-formed XML, or neither JUnit nor TRX.</exception>
    public static TestResultSummary ParseFile(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return Parse(stream, path, cancellationToken);
    }

    /// <summary>Parses test results from a stream (left open).</summary>
    /// <param name="stream">The XML bytes.</param>
    /// <param name="source">Where they came from; named in results and errors.</param>
    /// <param name="cancellationToken">Stops a long read.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="InvalidDataException">The file is not well-formed XML, or neither JUnit nor TRX.</exception>
    public static TestResultSummary Parse(Stream stream, string source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            CloseInput = false,
            MaxCharactersFromEntities = 1024,
        };

        using var reader = XmlReader.Create(stream, settings);
        try
        {
            reader.MoveToContent();
            if (reader.NodeType != XmlNodeType.Element)
            {
                throw new InvalidDataException($"{source}: no root element.");
            }

            return reader.LocalName switch
            {
                "TestRun" => TrxResultReader.Read(reader, source, cancellationToken),
                "testsuites" or "testsuite" => JUnitResultReader.Read(reader, source, cancellationToken),
                _ => throw new InvalidDataException(
                    $"{source} line {((IXmlLineInfo)reader).LineNumber}: the root element <{reader.LocalName}> is neither JUnit (<testsuites>, <testsuite>) nor TRX (<TestRun>)."),
            };
        }
        catch (XmlException e)
        {
            throw new InvalidDataException($"{source} line {e.LineNumber}, position {e.LinePosition}: malformed XML: {e.Message}", e);
        }
    }
}
