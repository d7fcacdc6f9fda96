using System.Text.RegularExpressions;

namespace Observability.Internal;

/// <summary>The problems of <see cref="RollbackOptions"/>, each named by its configuration path.</summary>
internal static partial class RollbackOptionsValidation
{
    private const string Prefix = "Observability:Rollback:";

    public static void Check(RollbackOptions options, List<string> problems)
    {
        if (options.Timeout <= TimeSpan.Zero)
        {
            problems.Add($"{Prefix}Timeout must be positive (was {options.Timeout}).");
        }

        var command = options.Command;
        var http = options.Http;
        if (command.FileName is not null && http.Url is not null)
        {
            problems.Add($"{Prefix}Command and {Prefix}Http are two rollback actions; configure one.");
        }

        if (command.FileName is { } file && string.IsNullOrWhiteSpace(file))
        {
            problems.Add($"{Prefix}Command:FileName must name an executable.");
        }

        if (command.FileName is null && command.Arguments.Count > 0)
        {
            problems.Add($"{Prefix}Command:Arguments are set without {Prefix}Command:FileName.");
        }

        if (http.Url is { } url)
        {
            // The address is never echoed: it may carry a token in its query.
            if (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https"))
            {
                problems.Add($"{Prefix}Http:Url must be an absolute http or https address.");
            }
            else if (url.UserInfo.Length > 0)
            {
                problems.Add($"{Prefix}Http:Url must not carry credentials; put the token in an environment variable named by {Prefix}Http:TokenVariable.");
            }
        }

        if (!MethodToken().IsMatch(http.Method ?? string.Empty))
        {
            problems.Add($"{Prefix}Http:Method must be an HTTP method such as POST, PUT or PATCH (was '{http.Method}').");
        }

        if (string.IsNullOrWhiteSpace(http.ContentType))
        {
            problems.Add($"{Prefix}Http:ContentType must be a media type such as application/json.");
        }

        if (http.TokenVariable is { } variable && !VariableName().IsMatch(variable))
        {
            problems.Add($"{Prefix}Http:TokenVariable must be the name of an environment variable (letters, digits, underscores), not a value.");
        }
    }

    [GeneratedRegex("^[A-Za-z]{3,10}$")]
    private static partial Regex MethodToken();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,127}$")]
    private static partial Regex VariableName();
}
