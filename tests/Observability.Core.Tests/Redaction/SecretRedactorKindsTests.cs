using System.Text;

namespace Observability.Core.Tests.Redaction;

/// <summary>
/// The rules added per kind of secret (private keys without armour, Kubernetes Secret manifests, app access tokens,
/// curl users, password values, vendor key names) and their look-alikes, plus pathological inputs that must stay linear.
/// Every value is generated or made up; none is a real credential.
/// </summary>
public sealed class SecretRedactorKindsTests
{
    /// <summary>The DER header of a PKCS#8 RSA private key (SEQUENCE, INTEGER 0, rsaEncryption): structure, not a key.</summary>
    private const string Pkcs8Header = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC";

    private readonly SecretRedactor _redactor = new(new RedactionOptions());

    [Fact]
    public void RedactText_UnarmouredPrivateKeyOverTwoLines_MasksBothLines()
    {
        var key = Pkcs8Header + Base64(32, 1) + "\n" + Base64(20, 2) + "=";
        var text = $"ASN1 corrupted data.\n   value was:\n{key}\n   at KeyLoader.Load(String pem)";

        var result = _redactor.RedactText(text);

        Assert.Equal($"ASN1 corrupted data.\n   value was:\n***{key[^4..]}\n   at KeyLoader.Load(String pem)", result);
    }

    [Fact]
    public void RedactText_OpenPgpSecretKeyPacket_IsMasked()
    {
        var key = "lQWGBGSVV4YBDAC" + Base64(49, 3);

        Assert.Equal($"SIGNING_KEY:\n***{key[^4..]}", _redactor.RedactText($"SIGNING_KEY:\n{key}"));
    }

    [Theory]
    [InlineData("cert MIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJRTESMBAGA1UEChMJQmFsdGltb3Jl")] // a certificate: SEQUENCE first
    [InlineData("pub MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7on")] // a public key
    [InlineData("query was sqlQueryTimeout exceeded")]
    public void RedactText_CertificatesPublicKeysAndLookAlikes_StayUnchanged(string text)
    {
        Assert.Same(text, _redactor.RedactText(text));
    }

    [Fact]
    public void RedactText_KubernetesSecretManifest_MasksEveryDataValueInAnyFieldOrder()
    {
        var text = "apiVersion: v1\ndata:\n  # the password\n  password: UyFCXCpkJHpEc2I9\n  .dockercfg: |\n    eyJhdXRocyI6e30K\nmetadata:\n  name: db\ntype: Opaque\nkind: Secret\n";

        var result = _redactor.RedactText(text);

        Assert.Equal("apiVersion: v1\ndata:\n  # the password\n  password: ***c2I9\n  .dockercfg: |\n    ***e30K\nmetadata:\n  name: db\ntype: Opaque\nkind: Secret\n", result);
    }

    [Theory]
    [InlineData("apiVersion: v1\nkind: Secret\ntype: Opaque\ndata:\n  htpasswd: ''\n")]
    [InlineData("apiVersion: external-secrets.io/v1beta1\nkind: ExternalSecret\nspec:\n  data:\n    - secretKey: api-key\n      remoteRef:\n        key: secret/mysecret\n")]
    [InlineData("apiVersion: v1\nkind: ConfigMap\ndata:\n  mode: eyJhdXRocyI6e30K\n")]
    public void RedactText_ManifestsWithoutSecretData_StayUnchanged(string text)
    {
        Assert.Same(text, _redactor.RedactText(text));
    }

    [Fact]
    public void RedactText_AppAccessToken_MasksAppIdAndSecret()
    {
        Assert.Equal("facebook ***oken", _redactor.RedactText("facebook 1234567890123456|aB3cD4eF5gH6iJ7kL8mN9pQtoken"));
        Assert.Equal("| 1234567890123 | aB3cD4eF5gH6iJ7kL8mN9pQ |", _redactor.RedactText("| 1234567890123 | aB3cD4eF5gH6iJ7kL8mN9pQ |"));
    }

    [Theory]
    [InlineData("curl -u \":d2LkV78zLx!t\" https://127.0.0.1:9200", "curl -u \":***Lx!t\" https://127.0.0.1:9200")]
    [InlineData("curl -u \"d2LkV78zLx!t:\" https://127.0.0.1:9200", "curl -u \"***Lx!t:\" https://127.0.0.1:9200")]
    [InlineData("curl --user \"{acd3c08b-74e8}\":\"{ZqL5kVrX1n8tA2}\" http://127.0.0.1", "curl --user \"{acd3c08b-74e8}\":\"{***8tA2}\" http://127.0.0.1")]
    [InlineData("curl -u \"${username}\":\"${password}\"", "curl -u \"${username}\":\"${password}\"")]
    [InlineData("curl -u myusername http://127.0.0.1", "curl -u myusername http://127.0.0.1")]
    public void RedactText_CurlUserForms_MaskOnlyTheCredential(string text, string expected)
    {
        Assert.Equal(expected, _redactor.RedactText(text));
    }

    [Theory]
    [InlineData("--password=TestSourcePassword -e \"SELECT 1\"", "--password=***word -e \"SELECT 1\"")]
    [InlineData("<add key=\"ClearTextPassword\" value=\"TestSource%Password%\" />", "<add key=\"ClearTextPassword\" value=\"***ord%\" />")]
    [InlineData("GetEnvOrDefault(\"api_token\", \"dafa7817-e246-48f3-91a7-e87653d587b8\")", "GetEnvOrDefault(\"api_token\", \"***87b8\")")]
    [InlineData("+maxmind_TOKEN :::= \"w5fruZ_8ZUsgYLu8vwgb3yKsgMna\"", "+maxmind_TOKEN :::= \"***gMna\"")]
    [InlineData("SUMO_ACCESS_ID = \"suGyI5imvADdvU\"", "SUMO_ACCESS_ID = \"***DdvU\"")]
    [InlineData("Credential k8s_secret=eyJhdXRocyI6eyJodHRwczovL2V4 was rejected", "Credential k8s_secret=***L2V4 was rejected")]
    [InlineData("-H \"Authorization: Bearer sha256~bRLFnzd5@=-.a+/hgdS\"", "-H \"Authorization: Bearer ***hgdS\"")]
    [InlineData("#token = \"hE1hlYILrSqpqh.atlasv1.ARjZuyzl33F71WR55s6ln5GQ\"", "#token = \"***n5GQ\"")]
    public void RedactText_KeyValueForms_MaskTheValue(string text, string expected)
    {
        Assert.Equal(expected, _redactor.RedactText(text));
    }

    [Theory]
    [InlineData("auth: method=oidc audience=api://release-watch")]
    [InlineData("invalid password: expected 8 characters")]
    [InlineData("password: correct horse")]
    [InlineData("report_access_id: e8e4df51-2054-49b0-ab1c-516ac95c691d")]
    [InlineData("key: secret/mysecret")]
    [InlineData("token: REPLACE_ME")]
    [InlineData("CREDENTIALS_ID = \"K8S_CRED\"")]
    [InlineData("sumo_wrestler: champion")]
    [InlineData("ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX")]
    public void RedactText_LookAlikesOfTheNewRules_StayUnchanged(string text)
    {
        Assert.Same(text, _redactor.RedactText(text));
    }

    [Fact]
    public void RedactText_LongBase64WithARunOfOneLetter_IsStillASecret()
    {
        var value = "AAAAAAAAAAC7hjsA+H3owFygUv4w5B67lcSx14zff9FCPADiNbSwYWgE";

        Assert.Equal($"K8S_SECRET=***{value[^4..]}", _redactor.RedactText($"K8S_SECRET={value}"));
    }

    [Theory]
    [InlineData("token=")]
    [InlineData("password: \"a ")]
    [InlineData("1234567890|")]
    [InlineData("kind: Secret\n")]
    [InlineData("MIIE")]
    [InlineData("a://")]
    [InlineData("Bearer ")]
    [InlineData("-u ")]
    [InlineData("token \"x token '")]
    [InlineData("abc1Q~")]
    public void RedactText_100KbOfOneRepeatedTrigger_Completes(string unit)
    {
        var builder = new StringBuilder(102_400 + unit.Length);
        while (builder.Length < 102_400)
        {
            builder.Append(unit);
        }

        var text = builder.ToString();
        var result = _redactor.RedactText(text);

        Assert.True(result.Length <= text.Length + 3);
    }

    private static string Base64(int length, int seed)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        var random = new Random(seed);
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = Alphabet[random.Next(Alphabet.Length)];
        }

        return new string(chars);
    }
}
