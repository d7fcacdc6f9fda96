using System.Text;

namespace Observability.Internal;

/// <summary>
/// Reads lines ending in LF, CRLF or a lone CR, cutting each at a maximum length so one huge line
/// (a minified bundle, a 10 MB JSON dump) cannot exhaust memory; the rest of such a line is skipped.
/// </summary>
internal sealed class BoundedLineReader
{
    private readonly TextReader _reader;
    private readonly int _maxLength;
    private readonly StringBuilder _line = new();
    private readonly char[] _buffer = new char[8192];
    private int _position;
    private int _count;
    private bool _skipLineFeed;

    public BoundedLineReader(TextReader reader, int maxLength)
    {
        _reader = reader;
        _maxLength = maxLength;
    }

    /// <summary>Gets a value indicating whether the last line returned was cut.</summary>
    public bool LastLineTruncated { get; private set; }

    public string? ReadLine()
    {
        _line.Clear();
        LastLineTruncated = false;
        var any = false;
        while (true)
        {
            if (_position == _count)
            {
                _count = _reader.Read(_buffer, 0, _buffer.Length);
                _position = 0;
                if (_count == 0)
                {
                    return any ? _line.ToString() : null;
                }
            }

            var c = _buffer[_position++];
            if (_skipLineFeed)
            {
                _skipLineFeed = false;
                if (c == '\n')
                {
                    continue;
                }
            }

            any = true;
            if (c == '\n')
            {
                return _line.ToString();
            }

            if (c == '\r')
            {
                _skipLineFeed = true;
                return _line.ToString();
            }

            if (_line.Length < _maxLength)
            {
                _line.Append(c);
            }
            else
            {
                LastLineTruncated = true;
            }
        }
    }
}
