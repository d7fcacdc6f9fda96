namespace Observability.Internal;

/// <summary>
/// Vendor token formats recognised by their prefix (rules are data: a new format is one row).
/// A token matches when its prefix is followed by at least <see cref="TokenFormat.MinBody"/> token
/// characters and, unless the format says otherwise, the body is not a placeholder (a run of one
/// letter such as <c>xxxxxx</c>, or too few distinct characters).
/// </summary>
internal static class TokenFormats
{
    /// <summary>The known formats, longest prefixes first where two share a start.</summary>
    public static readonly TokenFormat[] All =
    [
        // GitHub
        new("github_pat_", 22), new("ghp_", 30, AlnumBody: true), new("gho_", 30, AlnumBody: true), new("ghu_", 30, AlnumBody: true), new("ghs_", 30, AlnumBody: true), new("ghr_", 30, AlnumBody: true),
        // GitLab
        new("glpat-", 20), new("glptt-", 20), new("gldt-", 20), new("glrt-", 20), new("glsoat-", 20), new("glcbt-", 20), new("GR1348941", 20),
        // Slack (digits required: documented examples such as xoxp-1-SlackAppConfigurationAccessTokenHere have none)
        new("xoxe.xoxp-", 20, MinDigits: 6), new("xoxe.xoxb-", 20, MinDigits: 6), new("xoxb-", 20, MinDigits: 6), new("xoxp-", 20, MinDigits: 6),
        new("xoxa-", 20, MinDigits: 6), new("xoxs-", 20, MinDigits: 6), new("xoxr-", 20, MinDigits: 6), new("xoxo-", 20, MinDigits: 6),
        new("xoxe-", 20, MinDigits: 6), new("xapp-", 20, MinDigits: 6),
        // AWS, GCP, Azure-adjacent
        new("AKIA", 16, MaxBody: 16), new("ASIA", 16, MaxBody: 16), new("ABIA", 16, MaxBody: 16), new("ACCA", 16, MaxBody: 16),
        new("ABSK", 60), new("bedrock-api-key-", 20), new("AIza", 30), new("ya29.", 30), new("GOCSPX-", 24),
        // Payment, messaging, AI vendors
        new("sk_live_", 20), new("sk_test_", 20), new("rk_live_", 20), new("rk_test_", 20), new("rk_prod_", 20), new("whsec_", 24),
        new("sq0csp-", 30), new("sq0atp-", 20), new("EAAA", 50), new("EAAC", 100, AlnumBody: true), new("EAAM", 100, AlnumBody: true),
        new("sk-ant-", 40), new("sk-proj-", 40), new("sk-svcacct-", 40), new("sk-admin-", 40), new("sk-", 40, MinDigits: 4),
        new("SG.", 40), new("pplx-", 40), new("gsk_", 40), new("r8_", 30), new("nvapi-", 50), new("hf_", 30, AlnumBody: true), new("api_org_", 30, AlnumBody: true),
        // Package registries
        new("npm_", 30), new("oy2", 40), new("pypi-AgE", 50), new("CLOJARS_", 50), new("dckr_pat_", 24),
        // Observability, infrastructure, platforms
        new("sntrys_eyJ", 50), new("sntryu_", 60), new("glc_eyJ", 30), new("glc_", 30), new("glsa_", 30), new("eyJrIjoi", 40),
        new("hvs.", 24), new("hvb.", 24), new("hvr.", 24), new("dapi", 32), new("fo1_", 40), new("fm1a_", 64), new("fm1r_", 64), new("fm2_", 64),
        new("AGE-SECRET-KEY-1", 50, AllowRuns: true), new("ops_eyJ", 50), new("NRAK-", 27), new("NRJS-", 19), new("NRII-", 30),
        new("sha256~", 40), new("pnu_", 30), new("rdme_", 60), new("dop_v1_", 60), new("doo_v1_", 60), new("dor_v1_", 60),
        new("shpat_", 30), new("shpss_", 30), new("shpca_", 30), new("lin_api_", 40), new("ntn_", 40), new("sgp_", 40),
        new("squ_", 40), new("sqp_", 40), new("sqa_", 40), new("tk-us-", 40), new("v1.0-", 100), new("PMAK-", 50),
        new("ATATT3", 100), new("xkeysib-", 60), new("pat-na1-", 36), new("pat-eu1-", 36), new("figd_", 40), new("LTAI", 16),
        new("SK", 32, MaxBody: 32, HexBody: true), new("A3-", 30, MaxBody: 40), new("s-s4t2ud-", 64, MaxBody: 64, HexBody: true),
    ];

    /// <summary>
    /// Every prefix for the vectorised pre-search, at least three characters long: a two-character prefix of a hexadecimal
    /// body (Twilio's <c>SK</c>) is searched with each hexadecimal digit after it, as a two-character search would stop everywhere.
    /// </summary>
    public static IEnumerable<string> SearchPrefixes => All.SelectMany(static f => f.Prefix.Length < 3 && f.HexBody
        ? "0123456789abcdefABCDEF".Select(digit => f.Prefix + digit)
        : [f.Prefix]);

    /// <summary>Tells whether a token character may appear inside a vendor token body.</summary>
    public static bool IsBodyChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '~' or '+' or '/' or '=';

    /// <summary>The formats by the first character of their prefix, so that a look at one position tries only a few.</summary>
    private static readonly TokenFormat[][] ByFirstChar = Enumerable.Range(0, 128)
        .Select(c => All.Where(f => f.Prefix[0] == c).ToArray())
        .ToArray();

    /// <summary>Finds the format of the token starting at <paramref name="start"/>; returns its end, or -1.</summary>
    public static int Match(ReadOnlySpan<char> text, int start)
    {
        var rest = text[start..];
        if (rest.IsEmpty || rest[0] >= 128)
        {
            return -1;
        }

        foreach (var format in ByFirstChar[rest[0]])
        {
            if (!rest.StartsWith(format.Prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var bodyStart = start + format.Prefix.Length;
            var end = bodyStart;
            while (end < text.Length && (format.HexBody ? char.IsAsciiHexDigit(text[end]) : format.AlnumBody ? char.IsAsciiLetterOrDigit(text[end]) : IsBodyChar(text[end])))
            {
                end++;
            }

            var body = text[bodyStart..end];
            if (body.Length < format.MinBody || (format.MaxBody > 0 && body.Length > format.MaxBody)
                || (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || (format.AlnumBody && text[end] == '_'))))
            {
                continue;
            }

            if (format.MinDigits > 0 && CountDigits(body) < format.MinDigits)
            {
                continue;
            }

            if (!format.AllowRuns && ValueShapes.LooksLikePlaceholderBody(body))
            {
                continue;
            }

            return end;
        }

        return -1;
    }

    private static int CountDigits(ReadOnlySpan<char> body)
    {
        var digits = 0;
        foreach (var c in body)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
        }

        return digits;
    }
}

/// <summary>One vendor token format.</summary>
/// <param name="Prefix">The literal prefix, case-sensitive.</param>
/// <param name="MinBody">The fewest body characters after the prefix.</param>
/// <param name="MaxBody">The most body characters (0: unbounded).</param>
/// <param name="MinDigits">The fewest digits the body must hold.</param>
/// <param name="HexBody">The body is hexadecimal only.</param>
/// <param name="AlnumBody">The body is letters and digits only.</param>
/// <param name="AllowRuns">Runs of one character are part of the format (not a placeholder sign).</param>
internal sealed record TokenFormat(string Prefix, int MinBody, int MaxBody = 0, int MinDigits = 0, bool HexBody = false, bool AlnumBody = false, bool AllowRuns = false);
