namespace Observability.Cli.Internal;

/// <summary>Bad input: its message says what and where (the option, the file, the line) and never repeats a secret.</summary>
internal sealed class UsageException(string message) : Exception(message);
