namespace Observability.Internal;

/// <summary>Throws one <see cref="ArgumentException"/> that lists every problem of an options object.</summary>
internal static class OptionProblems
{
    public static void ThrowIfAny(List<string> problems, string optionsType, string parameterName)
    {
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid {optionsType}: {string.Join(" ", problems)}", parameterName);
        }
    }
}
