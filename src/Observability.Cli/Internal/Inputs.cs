namespace Observability.Cli.Internal;

/// <summary>Checks of paths and addresses given on the command line, each failing with the option named.</summary>
internal static class Inputs
{
    /// <exception cref="UsageException">The file does not exist.</exception>
    public static string ExistingFile(string option, string path)
    {
        var full = Path.GetFullPath(path);
        return File.Exists(full) ? full : throw new UsageException($"{option} '{path}': the file does not exist.");
    }

    /// <summary>An absolute http(s) address without credentials; the value is never echoed (it may hold a password).</summary>
    /// <exception cref="UsageException">The address is malformed or carries credentials.</exception>
    public static Uri HttpAddress(string option, string value, string example)
    {
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https") || address.Host.Length == 0)
        {
            throw new UsageException($"{option} must be an absolute http or https address such as {example}.");
        }

        return address.UserInfo.Length > 0
            ? throw new UsageException($"{option} must not carry credentials (user:password@ before the host; the address is not shown here).")
            : address;
    }

    /// <summary>Creates <paramref name="directory"/> and proves it can be written.</summary>
    /// <exception cref="UsageException">The folder cannot be created or written.</exception>
    public static string WritableDirectory(string option, string directory)
    {
        try
        {
            var full = Path.GetFullPath(directory);
            Directory.CreateDirectory(full);
            var probe = Path.Combine(full, $".write-test-{Guid.NewGuid():N}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return full;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"{option} '{directory}': the folder cannot be written: {Redact.OneLine(e.Message)}");
        }
    }
}
