namespace Observability.Eval.Redaction;

/// <summary>The corpus README's rule for one secret line.</summary>
internal static class RedactionScore
{
    /// <summary>Leading type prefixes that are not part of a secret's core.</summary>
    private static readonly string[] TypePrefixes =
    [
        "github_pat_", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "glpat-", "glptt-", "gldt-", "xoxe.xoxp-", "xoxb-", "xoxp-", "xoxa-", "xoxs-", "xoxe-", "xapp-",
        "sk_live_", "sk_test_", "rk_live_", "rk_test_", "rk_prod_", "sk-ant-", "sk-proj-", "sk-svcacct-", "sk-admin-", "sk-", "npm_", "pypi-", "sntrys_", "sntryu_",
        "hvs.", "hvb.", "SG.", "hf_", "api_org_", "fo1_", "pplx-", "ops_", "glc_", "glsa_", "sha256~", "dapi", "sgp_", "squ_", "sqp_", "tk-us-", "sq0csp-",
    ];

    /// <summary>Tells whether an 8-character run of the secret's core survives in the output.</summary>
    public static bool Survives(string secret, string output)
    {
        var core = secret.Length > 4 ? secret[..^4] : string.Empty;
        foreach (var prefix in TypePrefixes)
        {
            if (core.StartsWith(prefix, StringComparison.Ordinal))
            {
                core = core[prefix.Length..];
                break;
            }
        }

        for (var i = 0; i + 8 <= core.Length; i++)
        {
            if (output.Contains(core.AsSpan(i, 8), StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
