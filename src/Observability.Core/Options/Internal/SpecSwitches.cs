namespace Observability.Internal;

/// <summary>The logging spec's on/off environment switches and how their values read.</summary>
internal static class SpecSwitches
{
    public const string EnableDebugCommand = "ENABLE_DEBUG_CMD";
    public const string EnableAlerts = "ENABLE_ALERTS";

    /// <summary>Reads a switch: true/false, 1/0, yes/no, on/off in any case, surrounding spaces ignored.</summary>
    /// <exception cref="FormatException">Anything else; the message names the variable (not the value: configuration values are never echoed).</exception>
    public static bool Parse(string variable, string value)
    {
        var text = value.Trim();
        if (text is "1" || text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("yes", StringComparison.OrdinalIgnoreCase) || text.Equals("on", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (text is "0" || text.Equals("false", StringComparison.OrdinalIgnoreCase) || text.Equals("no", StringComparison.OrdinalIgnoreCase) || text.Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        throw new FormatException($"{variable} must be true or false (also 1/0, yes/no, on/off); its value is not one of those.");
    }
}
