namespace Observability.Internal;

/// <summary>A JSON Web Token: <c>eyJ</c> (a base64url JSON header), then payload and signature segments separated by dots.</summary>
internal static class Jwt
{
    /// <summary>Returns the end of the token starting at <paramref name="start"/>, or -1 when it is not one.</summary>
    public static int Match(ReadOnlySpan<char> text, int start)
    {
        if (!text[start..].StartsWith("eyJ", StringComparison.Ordinal))
        {
            return -1;
        }

        var end = start;
        var dots = 0;
        var segment = 0;
        var shortest = int.MaxValue;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '_' or '-' or '.' or '='))
        {
            if (text[end] == '.')
            {
                dots++;
                shortest = Math.Min(shortest, segment);
                segment = 0;
            }
            else
            {
                segment++;
            }

            end++;
        }

        // header.payload.signature (an unsigned token may end with an empty signature)
        return dots >= 2 && shortest >= 10 && end - start >= 40 ? end : -1;
    }
}
