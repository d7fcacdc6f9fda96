namespace Observability.Providers.GitHub.Tests.Infrastructure;

/// <summary>Reads the fixture files copied next to the tests (see tests/Fixtures/github/INDEX.md).</summary>
internal static class Fixtures
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", "github", name);

    public static string Text(string name) => File.ReadAllText(Path(name));

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path(name));

    /// <summary>Reads the <c>body</c> of a recorded error fixture as JSON text.</summary>
    public static string ErrorBody(string name)
        => System.Text.Json.JsonDocument.Parse(Text(name)).RootElement.GetProperty("body").GetRawText();

    /// <summary>Reads the <c>headers</c> of a recorded error fixture.</summary>
    public static IReadOnlyDictionary<string, string> ErrorHeaders(string name)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (System.Text.Json.JsonDocument.Parse(Text(name)).RootElement.TryGetProperty("headers", out var element))
        {
            foreach (var header in element.EnumerateObject())
            {
                headers[header.Name] = header.Value.GetString()!;
            }
        }

        return headers;
    }
}
