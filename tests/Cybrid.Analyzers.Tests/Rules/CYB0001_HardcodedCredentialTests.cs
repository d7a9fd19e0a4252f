using System.Threading.Tasks;
using Cybrid.Analyzers.Rules;
using Cybrid.Analyzers.Tests.Stubs;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = Cybrid.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Cybrid.Analyzers.Rules.HardcodedCredentialAnalyzer,
    Cybrid.Analyzers.CodeFixes.Rules.HardcodedCredentialCodeFix>;

namespace Cybrid.Analyzers.Tests.Rules
{
    /// <summary>CYB0001: credential sinks, secret names, credential-looking text, what is left alone, the message, and the fix.</summary>
    public class CYB0001_HardcodedCredentialTests
    {
        internal const string Jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

        internal const string PemBody = "MIIEowIBAAKCAQEAvJ8yX2k7c9QmL0pZx4R1t6uVwY3sN5bH8fD2gK0aE7jC1iU9oP4lM6nB2vXcZqRtYs";

        internal static string InMethod(string body) => @"using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

class C
{
    void M(HttpClient client, HttpRequestMessage request, byte[] body)
    {
        " + body + @"
    }
}";

        /// <summary>The read the fix writes when no IConfiguration is in scope and the target needs a value.</summary>
        internal static string Env(string name) => "Environment.GetEnvironmentVariable(\"CYBRID_" + name + "\") ?? throw new InvalidOperationException(\"CYBRID_" + name + " is not set\")";

        /// <summary>The read the fix writes when the target accepts null.</summary>
        internal static string EnvNullable(string name) => "Environment.GetEnvironmentVariable(\"CYBRID_" + name + "\")";

        // ---- credential sinks ----------------------------------------------------------------------------

        [Fact]
        public async Task FormUrlEncodedContent_DictionaryEntries_AreReportedAndFixed()
        {
            await Verify.VerifyCodeFixAsync(
                InMethod(@"var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            { ""grant_type"", ""client_credentials"" },
            { ""client_id"", {|CYB0001:""3f1c0d2e-cybrid-app""|} },
            { ""client_secret"", {|CYB0001:""s3cr3t-Value-123""|} },
            { ""scope"", ""banks:read"" },
        });"),
                InMethod(@"var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            { ""grant_type"", ""client_credentials"" },
            { ""client_id"", " + Env("CLIENT_ID") + @" },
            { ""client_secret"", " + Env("CLIENT_SECRET") + @" },
            { ""scope"", ""banks:read"" },
        });"));
        }

        [Fact]
        public async Task KeyValuePairListsAndTuples_AreReportedAndFixed()
        {
            await Verify.VerifyCodeFixAsync(
                InMethod(@"var pairs = new List<KeyValuePair<string, string>>
        {
            new KeyValuePair<string, string>(""client_id"", {|CYB0001:""3f1c0d2e-cybrid-app""|}),
            new(""client_secret"", {|CYB0001:""s3cr3t-Value-123""|}),
            KeyValuePair.Create(""grant_type"", ""client_credentials""),
        };
        pairs.Add(KeyValuePair.Create(""clientSecret"", {|CYB0001:""s3cr3t-Value-456""|}));
        var content = new FormUrlEncodedContent(pairs);
        var pair = (""ClientSecret"", {|CYB0001:""s3cr3t-Value-789""|});"),
                InMethod(@"var pairs = new List<KeyValuePair<string, string>>
        {
            new KeyValuePair<string, string>(""client_id"", " + Env("CLIENT_ID") + @"),
            new(""client_secret"", " + Env("CLIENT_SECRET") + @"),
            KeyValuePair.Create(""grant_type"", ""client_credentials""),
        };
        pairs.Add(KeyValuePair.Create(""clientSecret"", " + Env("CLIENT_SECRET") + @"));
        var content = new FormUrlEncodedContent(pairs);
        var pair = (""ClientSecret"", " + Env("CLIENT_SECRET") + @");"));
        }

        [Fact]
        public async Task DictionaryIndexerWritesAndAdd_AreReportedAndFixed()
        {
            await Verify.VerifyCodeFixAsync(
                InMethod(@"var form = new Dictionary<string, string> { [""client_secret""] = {|CYB0001:""s3cr3t-Value-123""|} };
        form[""client_id""] = {|CYB0001:""3f1c0d2e-cybrid-app""|};
        form.Add(""Cybrid:ClientSecret"", {|CYB0001:""s3cr3t-Value-456""|});
        form.TryAdd(""X-Api-Key"", {|CYB0001:""ak_live_5f4e3d2c""|});"),
                InMethod(@"var form = new Dictionary<string, string> { [""client_secret""] = " + Env("CLIENT_SECRET") + @" };
        form[""client_id""] = " + Env("CLIENT_ID") + @";
        form.Add(""Cybrid:ClientSecret"", " + Env("CLIENT_SECRET") + @");
        form.TryAdd(""X-Api-Key"", " + Env("API_KEY") + @");"));
        }

        [Fact]
        public async Task AnonymousObjectMembers_AreReportedAndFixed()
        {
            await Verify.VerifyCodeFixAsync(
                InMethod(@"var payload = new
        {
            grant_type = ""client_credentials"",
            client_id = {|CYB0001:""3f1c0d2e-cybrid-app""|},
            client_secret = {|CYB0001:""s3cr3t-Value-123""|},
            scope = ""banks:read banks:write"",
        };"),
                InMethod(@"var payload = new
        {
            grant_type = ""client_credentials"",
            client_id = " + Env("CLIENT_ID") + @",
            client_secret = " + Env("CLIENT_SECRET") + @",
            scope = ""banks:read banks:write"",
        };"));
        }

        [Fact]
        public async Task DtoAndRecordMembersWithJsonNames_AreReportedAndFixed()
        {
            const string source = @"using System;
using System.Runtime.Serialization;
using System.Text.Json.Serialization;

public sealed class TokenRequest
{
    [JsonPropertyName(""client_secret"")]
    public string Credential { get; set; }

    [DataMember(Name = ""client_id"")]
    public string Application { get; set; }

    [JsonPropertyName(""grant_type"")]
    public string Grant { get; set; }
}

public sealed record TokenBody([property: JsonPropertyName(""client_secret"")] string Value, string Scope);

class C
{
    object M() => new TokenRequest { Credential = {|CYB0001:""s3cr3t-Value-123""|}, Application = {|CYB0001:""3f1c0d2e-cybrid-app""|}, Grant = ""client_credentials"" };

    TokenBody N() => new TokenBody({|CYB0001:""s3cr3t-Value-456""|}, ""banks:read"");
}";
            const string fixedSource = @"using System;
using System.Runtime.Serialization;
using System.Text.Json.Serialization;

public sealed class TokenRequest
{
    [JsonPropertyName(""client_secret"")]
    public string Credential { get; set; }

    [DataMember(Name = ""client_id"")]
    public string Application { get; set; }

    [JsonPropertyName(""grant_type"")]
    public string Grant { get; set; }
}

public sealed record TokenBody([property: JsonPropertyName(""client_secret"")] string Value, string Scope);

class C
{
    object M() => new TokenRequest { Credential = Environment.GetEnvironmentVariable(""CYBRID_CLIENT_SECRET"") ?? throw new InvalidOperationException(""CYBRID_CLIENT_SECRET is not set""), Application = Environment.GetEnvironmentVariable(""CYBRID_CLIENT_ID"") ?? throw new InvalidOperationException(""CYBRID_CLIENT_ID is not set""), Grant = ""client_credentials"" };

    TokenBody N() => new TokenBody(Environment.GetEnvironmentVariable(""CYBRID_CLIENT_SECRET"") ?? throw new InvalidOperationException(""CYBRID_CLIENT_SECRET is not set""), ""banks:read"");
}";
            await Verify.VerifyCodeFixAsync(source, fixedSource);
        }

        [Fact]
        public async Task JsonAndFormText_WithClientSecret_IsReportedWithoutFix()
        {
            var source = InMethod(@"var json = new StringContent({|CYB0001:""{\""grant_type\"":\""client_credentials\"",\""client_id\"":\""3f1c0d2e\"",\""client_secret\"":\""s3cr3t-Value-123\""}""|}, Encoding.UTF8, ""application/json"");
        var verbatim = {|CYB0001:@""{ """"client_secret"""" : """"s3cr3t-Value-123"""" }""|};
        var raw = {|CYB0001:""""""{""client_id"": ""3f1c0d2e-cybrid-app"", ""scope"": ""banks:read""}""""""|};
        var id = Guid.NewGuid();
        var partial = $""{{\""client_id\"":\""{id}{|CYB0001:\"",\""client_secret\"":\""s3cr3t-Value-123\""}}|}"";
        var form = new StringContent({|CYB0001:""grant_type=client_credentials&client_id=3f1c0d2e&client_secret=s3cr3t-Value-123""|});
        var query = {|CYB0001:""https://id.sandbox.cybrid.app/oauth/token?client_id=3f1c0d2e-cybrid-app""|};");
            await Verify.VerifyCodeFixAsync(source, source);
        }

        [Fact]
        public async Task BearerAuthenticationHeaderValue_IsReportedAndFixed()
        {
            await Verify.VerifyCodeFixAsync(
                InMethod(@"client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(""Bearer"", {|CYB0001:""abcdef123456""|});
        request.Headers.Authorization = new AuthenticationHeaderValue(""bearer"", {|CYB0001:""" + Jwt + @"""|});"),
                InMethod(@"client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(""Bearer"", " + EnvNullable("ACCESS_TOKEN") + @");
        request.Headers.Authorization = new AuthenticationHeaderValue(""bearer"", " + EnvNullable("ACCESS_TOKEN") + @");"));
        }

        [Fact]
        public async Task BasicAuthorizationBuiltFromLiterals_IsReportedAndFixed()
        {
            await Verify.VerifyCodeFixAsync(
                InMethod(@"client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(""Basic"", Convert.ToBase64String(Encoding.UTF8.GetBytes({|CYB0001:""3f1c0d2e:s3cr3t-Value-123""|})));
        request.Headers.TryAddWithoutValidation(""Authorization"", ""Basic "" + Convert.ToBase64String(Encoding.ASCII.GetBytes({|CYB0001:$""3f1c0d2e:{""s3cr3t-Value-123""}""|})));"),
                InMethod(@"client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(""Basic"", Convert.ToBase64String(Encoding.UTF8.GetBytes(" + Env("BASIC_CREDENTIALS") + @")));
        request.Headers.TryAddWithoutValidation(""Authorization"", ""Basic "" + Convert.ToBase64String(Encoding.ASCII.GetBytes(" + Env("BASIC_CREDENTIALS") + @")));"));
        }

        [Fact]
        public async Task AuthorizationHeaderText_KeepsTheSchemeAndReadsTheToken()
        {
            await Verify.VerifyCodeFixAsync(
                InMethod(@"request.Headers.Add(""Authorization"", {|CYB0001:""Bearer abcdef123456""|});
        client.DefaultRequestHeaders.TryAddWithoutValidation(""authorization"", ""Bearer "" + {|CYB0001:""abcdef123456""|});
        var parsed = AuthenticationHeaderValue.Parse({|CYB0001:""Bearer abcdef123456""|});"),
                InMethod(@"request.Headers.Add(""Authorization"", ""Bearer "" + " + EnvNullable("ACCESS_TOKEN") + @");
        client.DefaultRequestHeaders.TryAddWithoutValidation(""authorization"", ""Bearer "" + " + EnvNullable("ACCESS_TOKEN") + @");
        var parsed = AuthenticationHeaderValue.Parse(""Bearer "" + (" + Env("ACCESS_TOKEN") + @"));"));
        }

        [Fact]
        public async Task NetworkCredentialPassword_IsReportedAndFixed()
        {
            await Verify.VerifyCodeFixAsync(
                InMethod(@"var credential = new NetworkCredential(""cybrid-user"", {|CYB0001:""P@ssw0rd-2024""|});
        var withDomain = new NetworkCredential(""cybrid-user"", {|CYB0001:""P@ssw0rd-2024""|}, ""CORP"");"),
                InMethod(@"var credential = new NetworkCredential(""cybrid-user"", " + EnvNullable("PASSWORD") + @");
        var withDomain = new NetworkCredential(""cybrid-user"", " + EnvNullable("PASSWORD") + @", ""CORP"");"));
        }

        [Fact]
        public async Task HmacKeysFromLiteralStringsAndBytes_AreReportedAndFixed()
        {
            await Verify.VerifyCodeFixAsync(
                InMethod(@"using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes({|CYB0001:""whsec_4f9a8b7c6d5e""|}));
        var mac = HMACSHA256.HashData({|CYB0001:""whsec_4f9a8b7c6d5e""u8|}, body);
        using var keyed = new HMACSHA512({|CYB0001:new byte[] { 0x4f, 0x9a, 0x8b, 0x7c, 0x6d, 0x5e, 0x01, 0x02 }|});
        using var later = new HMACSHA256();
        later.Key = Convert.FromBase64String({|CYB0001:""d2hzZWNfNGY5YThiN2M2ZDVl""|});
        using var incremental = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes({|CYB0001:""whsec_4f9a8b7c6d5e""|}));"),
                InMethod(@"using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(" + Env("SIGNING_KEY") + @"));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(" + Env("SIGNING_KEY") + @"), body);
        using var keyed = new HMACSHA512(Convert.FromBase64String(" + Env("SIGNING_KEY") + @"));
        using var later = new HMACSHA256();
        later.Key = Convert.FromBase64String(" + Env("SIGNING_KEY") + @");
        using var incremental = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(" + Env("SIGNING_KEY") + @"));"));
        }

        [Fact]
        public async Task GeneratedClientConfiguration_AccessTokenAndApiKey_AreReportedAndFixed()
        {
            const string source = @"using System;
using Cybrid.Organization.Client;

class C
{
    Configuration Create()
    {
        var configuration = new Configuration { BasePath = ""https://bank.sandbox.cybrid.app"", AccessToken = {|CYB0001:""abcdef123456""|} };
        configuration.ApiKey[""Authorization""] = {|CYB0001:""ak_live_5f4e3d2c""|};
        configuration.ApiKeyPrefix[""Authorization""] = ""Bearer"";
        configuration.OAuthClientSecret = {|CYB0001:""s3cr3t-Value-123""|};
        return configuration;
    }
}";
            const string fixedSource = @"using System;
using Cybrid.Organization.Client;

class C
{
    Configuration Create()
    {
        var configuration = new Configuration { BasePath = ""https://bank.sandbox.cybrid.app"", AccessToken = Environment.GetEnvironmentVariable(""CYBRID_ACCESS_TOKEN"") };
        configuration.ApiKey[""Authorization""] = Environment.GetEnvironmentVariable(""CYBRID_API_KEY"") ?? throw new InvalidOperationException(""CYBRID_API_KEY is not set"");
        configuration.ApiKeyPrefix[""Authorization""] = ""Bearer"";
        configuration.OAuthClientSecret = Environment.GetEnvironmentVariable(""CYBRID_CLIENT_SECRET"");
        return configuration;
    }
}";
            await new Verify.Test { TestCode = source, FixedCode = fixedSource }.WithSources(CYB0001_Stubs.GeneratedClient).RunAsync();
        }

        [Fact]
        public async Task KeyValueShapedCallsHeaderDictionariesAndNewtonsoftNames_AreSinks()
        {
            const string source = @"using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace Newtonsoft.Json
{
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class JsonPropertyAttribute : Attribute
    {
        public JsonPropertyAttribute(string propertyName) { }
    }
}

public sealed class LegacyTokenRequest
{
    [Newtonsoft.Json.JsonProperty(""client_secret"")]
    public string Secret { get; set; }
}

class C
{
    void M(Utf8JsonWriter writer, Dictionary<string, string> headers)
    {
        writer.WriteString(""client_secret"", {|CYB0001:""s3cr3t-Value-123""|});
        writer.WriteString(""grant_type"", ""client_credentials"");
        headers[""Authorization""] = {|CYB0001:""Bearer abcdef123456""|};
        var legacy = new LegacyTokenRequest { Secret = {|CYB0001:""s3cr3t-Value-123""|} };
    }
}";
            const string fixedSource = @"using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace Newtonsoft.Json
{
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class JsonPropertyAttribute : Attribute
    {
        public JsonPropertyAttribute(string propertyName) { }
    }
}

public sealed class LegacyTokenRequest
{
    [Newtonsoft.Json.JsonProperty(""client_secret"")]
    public string Secret { get; set; }
}

class C
{
    void M(Utf8JsonWriter writer, Dictionary<string, string> headers)
    {
        writer.WriteString(""client_secret"", Environment.GetEnvironmentVariable(""CYBRID_CLIENT_SECRET""));
        writer.WriteString(""grant_type"", ""client_credentials"");
        headers[""Authorization""] = ""Bearer "" + (Environment.GetEnvironmentVariable(""CYBRID_ACCESS_TOKEN"") ?? throw new InvalidOperationException(""CYBRID_ACCESS_TOKEN is not set""));
        var legacy = new LegacyTokenRequest { Secret = Environment.GetEnvironmentVariable(""CYBRID_CLIENT_SECRET"") ?? throw new InvalidOperationException(""CYBRID_CLIENT_SECRET is not set"") };
    }
}";
            await Verify.VerifyCodeFixAsync(source, fixedSource);
        }

        [Fact]
        public async Task InterpolationsOfConstants_AreOneValue()
        {
            const string source = @"using System;

class C
{
    private const string Environment = ""live"";

    void M()
    {
        var clientSecret = {|#0:$""sk_{Environment}_4f9a8b7c6d5e""|};
        var apiKey = {|CYB0001:$""ak_{""live""}_5f4e3d2c""|};
        var notConstant = $""sk_{DateTime.Now.Year}_4f9a8b7c6d5e"";
    }
}";
            const string fixedSource = @"using System;

class C
{
    private const string Environment = ""live"";

    void M()
    {
        var clientSecret = {|#0:$""sk_{Environment}_4f9a8b7c6d5e""|};
        var apiKey = System.Environment.GetEnvironmentVariable(""CYBRID_API_KEY"") ?? throw new InvalidOperationException(""CYBRID_API_KEY is not set"");
        var notConstant = $""sk_{DateTime.Now.Year}_4f9a8b7c6d5e"";
    }
}";
            // a value that mixes a constant into literals is reported, but not fixed (the constant would stay behind)
            var test = new Verify.Test { TestCode = source, FixedCode = fixedSource }.ExpectRemaining(1);
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.CYB0001_HardcodedCredential).WithLocation(0).WithArguments("Local 'clientSecret'", "sk… (20 chars)"));
            await test.RunAsync();
        }

        [Fact]
        public async Task ExpressionTreesAndSharedConstantDeclarations_AreReportedWithoutFix()
        {
            const string source = @"using System;
using System.Collections.Generic;
using System.Linq.Expressions;

class C
{
    private const string ClientSecret = {|CYB0001:""s3cr3t-Value-123""|}, GrantType = ""client_credentials"";

    Expression<Func<Dictionary<string, string>>> Form() => () => new Dictionary<string, string> { { ""client_secret"", {|CYB0001:""s3cr3t-Value-456""|} } };
}";
            await Verify.VerifyCodeFixAsync(source, source);
        }

        // ---- names that say secret ---------------------------------------------------------------------------

        [Fact]
        public async Task MembersLocalsParametersAndAttributesNamedLikeSecrets_AreReported()
        {
            const string source = @"using System;

[AttributeUsage(AttributeTargets.All)]
sealed class CybridAttribute : Attribute
{
    public CybridAttribute(string apiKey) { }

    public string ClientSecret { get; set; }
}

[Cybrid({|CYB0001:""ak_live_5f4e3d2c""|}, ClientSecret = {|CYB0001:""s3cr3t-Value-123""|})]
class Settings
{
    private string _clientSecret = {|CYB0001:""s3cr3t-Value-123""|};
    private static readonly string s_apiKey = {|CYB0001:""ak_live_5f4e3d2c""|};
    public string SigningKey { get; set; } = {|CYB0001:""whsec_4f9a8b7c6d5e""|};
    public string PrivateKey => {|CYB0001:""pk_9f8e7d6c5b4a""|};
    internal string CLIENT_SECRET;
    public string Passwd { get; } = {|CYB0001:""hunter2-hunter2""|};

    void Connect(string password = {|CYB0001:""P@ssw0rd-2024""|})
    {
        var accessToken = {|CYB0001:""at_8d7c6b5a4f3e""|};
        string bearerToken;
        bearerToken = {|CYB0001:""bt_8d7c6b5a4f3e""|};
        CLIENT_SECRET = {|CYB0001:""s3cr3t-Value-123""|};
        password = {|CYB0001:""P@ssw0rd-2025""|};
        Login(api_key: {|CYB0001:""ak_live_5f4e3d2c""|});
    }

    void Login(string api_key) { }

    string GetApiKey() => {|CYB0001:""ak_live_5f4e3d2c""|};
}";
            const string fixedSource = @"using System;

[AttributeUsage(AttributeTargets.All)]
sealed class CybridAttribute : Attribute
{
    public CybridAttribute(string apiKey) { }

    public string ClientSecret { get; set; }
}

[Cybrid({|#0:""ak_live_5f4e3d2c""|}, ClientSecret = {|#1:""s3cr3t-Value-123""|})]
class Settings
{
    private string _clientSecret = Environment.GetEnvironmentVariable(""CYBRID_CLIENT_SECRET"") ?? throw new InvalidOperationException(""CYBRID_CLIENT_SECRET is not set"");
    private static readonly string s_apiKey = Environment.GetEnvironmentVariable(""CYBRID_API_KEY"") ?? throw new InvalidOperationException(""CYBRID_API_KEY is not set"");
    public string SigningKey { get; set; } = Environment.GetEnvironmentVariable(""CYBRID_SIGNING_KEY"") ?? throw new InvalidOperationException(""CYBRID_SIGNING_KEY is not set"");
    public string PrivateKey => Environment.GetEnvironmentVariable(""CYBRID_PRIVATE_KEY"") ?? throw new InvalidOperationException(""CYBRID_PRIVATE_KEY is not set"");
    internal string CLIENT_SECRET;
    public string Passwd { get; } = Environment.GetEnvironmentVariable(""CYBRID_PASSWD"") ?? throw new InvalidOperationException(""CYBRID_PASSWD is not set"");

    void Connect(string password = {|#2:""P@ssw0rd-2024""|})
    {
        var accessToken = Environment.GetEnvironmentVariable(""CYBRID_ACCESS_TOKEN"") ?? throw new InvalidOperationException(""CYBRID_ACCESS_TOKEN is not set"");
        string bearerToken;
        bearerToken = Environment.GetEnvironmentVariable(""CYBRID_BEARER_TOKEN"") ?? throw new InvalidOperationException(""CYBRID_BEARER_TOKEN is not set"");
        CLIENT_SECRET = Environment.GetEnvironmentVariable(""CYBRID_CLIENT_SECRET"") ?? throw new InvalidOperationException(""CYBRID_CLIENT_SECRET is not set"");
        password = Environment.GetEnvironmentVariable(""CYBRID_PASSWORD"") ?? throw new InvalidOperationException(""CYBRID_PASSWORD is not set"");
        Login(api_key: Environment.GetEnvironmentVariable(""CYBRID_API_KEY"") ?? throw new InvalidOperationException(""CYBRID_API_KEY is not set""));
    }

    void Login(string api_key) { }

    string GetApiKey() => Environment.GetEnvironmentVariable(""CYBRID_API_KEY"") ?? throw new InvalidOperationException(""CYBRID_API_KEY is not set"");
}";
            // attribute arguments and parameter defaults must stay constants: reported, never fixed
            await new Verify.Test { TestCode = source, FixedCode = fixedSource }.ExpectRemaining(3).RunAsync();
        }

        [Theory]
        [InlineData("Use(\"s3cr3t-Value-123\");")]
        [InlineData("Use(\"prefix-\" + Suffix);")]
        [InlineData("Use($\"{Suffix}-s3cr3t\");")]
        [InlineData("var settings = new Settings { Region = \"s3cr3t-Value-123\" };")]
        [InlineData("var settings = new Settings { Region = Suffix };")]
        public async Task TextWithoutCredentialShape_AtANeutralPlace_IsNotReported(string body)
        {
            // no JWT, PEM block or secret field in the text, and the place it goes says nothing about secrets
            await Verify.VerifyAnalyzerAsync(AtNeutralPlaces(body));
        }

        [Theory]
        [InlineData("Use({|CYB0001:\"client_id=abc&client_secret=s3cr3t-Value-123\"|});")]
        [InlineData("Use({|CYB0001:\"{\\\"client_secret\\\": \\\"s3cr3t-Value-123\\\"}\"|});")]
        [InlineData("Use({|CYB0001:\"Bearer \" + \"" + Jwt + "\"|});")]
        [InlineData("var settings = new Settings { Region = {|CYB0001:\"client_secret=s3cr3t-Value-123\"|} };")]
        public async Task CredentialText_AtANeutralPlace_IsReportedFromItsText(string body)
        {
            await Verify.VerifyAnalyzerAsync(AtNeutralPlaces(body));
        }

        /// <summary><paramref name="body"/> in a method of a class whose <c>Use(region)</c>, <c>Settings.Region</c> and <c>Suffix</c> say nothing about secrets.</summary>
        private static string AtNeutralPlaces(string body)
            => InMethod(body).Replace("class C\n{", "class C\n{\n    const string Suffix = \"Value-123\";\n    static void Use(string region) { }\n    class Settings { public string Region { get; set; } = \"\"; }");

        [Theory]
        [InlineData("var secretary = \"s3cr3t-Value-123\";")]
        [InlineData("var passwordPrompt = \"s3cr3t-Value-123\";")]
        [InlineData("var clientSecretHeaderName = \"s3cr3t-Value-123\";")]
        [InlineData("var apiKeyPrefix = \"s3cr3t-Value-123\";")]
        [InlineData("var accessTokenUrl = \"s3cr3t-Value-123\";")]
        [InlineData("var secretPath = \"s3cr3t-Value-123\";")]
        [InlineData("var clientSecretId = \"s3cr3t-Value-123\";")]
        [InlineData("var passwordHash = \"s3cr3t-Value-123\";")]
        [InlineData("var token = \"s3cr3t-Value-123\";")]
        [InlineData("var key = \"s3cr3t-Value-123\";")]
        [InlineData("var compassword = \"s3cr3t-Value-123\";")]
        [InlineData("var bearerScheme = \"s3cr3t-Value-123\";")]
        public async Task NamesThatDoNotSaySecret_AreNotReported(string body)
        {
            await Verify.VerifyAnalyzerAsync(InMethod(body));
        }

        [Fact]
        public async Task ClientId_UsesTheMilderWording()
        {
            var expected = new[]
            {
                Verify.Diagnostic(Descriptors.CYB0001_HardcodedClientId).WithLocation(0).WithArguments("Local 'clientId'", "3f… (19 chars)"),
                Verify.Diagnostic(Descriptors.CYB0001_HardcodedClientId).WithLocation(1).WithArguments("The 'client_id' entry", "3f… (19 chars)"),
                Verify.Diagnostic(Descriptors.CYB0001_HardcodedCredential).WithLocation(2).WithArguments("The 'client_secret' entry", "s3… (16 chars)"),
            };
            await Verify.VerifyAnalyzerAsync(
                InMethod(@"var clientId = {|#0:""3f1c0d2e-cybrid-app""|};
        var form = new Dictionary<string, string> { [""client_id""] = {|#1:""3f1c0d2e-cybrid-app""|}, [""client_secret""] = {|#2:""s3cr3t-Value-123""|} };"),
                expected);
        }

        [Fact]
        public async Task AdditionalSecretNames_RuleKey_AddsWordParts()
        {
            await new Verify.Test
            {
                TestCode = InMethod(@"var passphrase = {|CYB0001:""correct-horse-battery""|};
        var pinCode = {|CYB0001:""9f8e7d6c""|};
        var pin = ""9f8e7d6c"";
        var form = new Dictionary<string, string> { [""pass_phrase""] = {|CYB0001:""correct-horse-battery""|} };"),
            }.WithEditorConfig("cybrid_analyzers.CYB0001.additional_secret_names = passphrase, pin_code").RunAsync();
        }

        [Fact]
        public async Task AdditionalSecretNames_PackageWideKeyInGlobalConfig_IsUsed()
        {
            await new Verify.Test
            {
                TestCode = InMethod(@"var passphrase = {|CYB0001:""correct-horse-battery""|};"),
            }.WithGlobalConfig("cybrid_analyzers.additional_secret_names = PassPhrase").RunAsync();
        }

        [Fact]
        public async Task AdditionalSecretNames_Absent_PassphraseIsNotASecretName()
        {
            await Verify.VerifyAnalyzerAsync(InMethod(@"var passphrase = ""correct-horse-battery"";"));
        }

        // ---- values that look like credentials anywhere --------------------------------------------------------

        [Fact]
        public async Task Jwt_IsReportedWhereverItIs()
        {
            var source = @"using System;

class C
{
    void Send(string text) { }

    void M()
    {
        Send({|#0:""" + Jwt + @"""|});
        var token = {|#1:""" + Jwt + @"""|};
        var header = {|#2:""Authorization: Bearer " + Jwt + @"""|};
    }
}";
            var fixedSource = @"using System;

class C
{
    void Send(string text) { }

    void M()
    {
        Send(Environment.GetEnvironmentVariable(""CYBRID_TEXT"") ?? throw new InvalidOperationException(""CYBRID_TEXT is not set""));
        var token = Environment.GetEnvironmentVariable(""CYBRID_TOKEN"") ?? throw new InvalidOperationException(""CYBRID_TOKEN is not set"");
        var header = {|#0:""Authorization: Bearer " + Jwt + @"""|};
    }
}";
            var test = new Verify.Test { TestCode = source, FixedCode = fixedSource };
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.CYB0001_HardcodedCredential).WithLocation(0).WithArguments("The argument for parameter 'text' of C.Send(…) (a JWT)", "ey… (155 chars)"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.CYB0001_HardcodedCredential).WithLocation(1).WithArguments("Local 'token' (a JWT)", "ey… (155 chars)"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.CYB0001_HardcodedCredential).WithLocation(2).WithArguments("Local 'header' (a JWT)", "ey… (155 chars)"));
            test.FixedState.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.CYB0001_HardcodedCredential).WithLocation(0).WithArguments("Local 'header' (a JWT)", "ey… (155 chars)"));
            await test.RunAsync();
        }

        [Theory]
        [InlineData("var prefix = \"eyJ\";")]
        [InlineData("var looksLikeJwt = token.StartsWith(\"eyJ\");")]
        [InlineData("var notJson = \"eyJxxxxxxxxxxxxxxxx.eyJyyyyyyyyyy.zzzzzzzzzzzz\";")]
        [InlineData("var twoParts = \"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0\";")]
        [InlineData("var unsigned = \"eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiIxMjM0NTY3ODkwIn0.\";")]
        public async Task JwtLookalikes_AreNotReported(string body)
        {
            await Verify.VerifyAnalyzerAsync(InMethod("var token = \"x\";\n        " + body));
        }

        [Fact]
        public async Task PemPrivateKey_IsReported_AndPublicMaterialOrMarkersAreNot()
        {
            var source = @"class Keys
{
    private const string Signer = {|#0:""-----BEGIN RSA PRIVATE KEY-----\n" + PemBody + @"\n-----END RSA PRIVATE KEY-----\n""|};
    private const string Split = {|#1:""-----BEGIN PRIVATE KEY-----\n"" +
        """ + PemBody + @"\n"" +
        ""-----END PRIVATE KEY-----""|};
    private const string PublicKey = ""-----BEGIN PUBLIC KEY-----\n" + PemBody + @"\n-----END PUBLIC KEY-----"";
    private const string Certificate = ""-----BEGIN CERTIFICATE-----\n" + PemBody + @"\n-----END CERTIFICATE-----"";
    private const string PemPrivateKeyHeader = ""-----BEGIN PRIVATE KEY-----"";

    string Strip(string pem) => pem.Replace(""-----BEGIN PRIVATE KEY-----"", string.Empty).Replace(""-----END PRIVATE KEY-----"", string.Empty);
}";
            await Verify.VerifyAnalyzerAsync(
                source,
                Verify.Diagnostic(Descriptors.CYB0001_HardcodedCredential).WithLocation(0).WithArguments("Constant 'Keys.Signer' (a PEM private key)", "--… (144 chars)"),
                Verify.Diagnostic(Descriptors.CYB0001_HardcodedCredential).WithLocation(1).WithArguments("Constant 'Keys.Split' (a PEM private key)", "--… (136 chars)"));
        }

        // ---- one diagnostic per secret -------------------------------------------------------------------------

        [Fact]
        public async Task SecretNamedConstants_AreReportedOnceAtTheirDeclaration()
        {
            const string source = @"using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;

class TokenClient
{
    private const string ClientId = {|CYB0001:""3f1c0d2e-cybrid-app""|};
    private const string ClientSecret = {|CYB0001:""s3cr3t-Value-123""|};
    private const string AccessToken = {|CYB0001:""at_8d7c6b5a4f3e""|};
    private const string AuthorizationValue = ""Bearer "" + AccessToken;

    void M(HttpClient client, HttpRequestMessage request)
    {
        var form = new Dictionary<string, string> { { ""client_id"", ClientId }, { ""client_secret"", ClientSecret } };
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(ClientId + "":"" + ClientSecret));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(""Basic"", basic);
        var bearer = new AuthenticationHeaderValue(""Bearer"", AccessToken);
        request.Headers.Add(""Authorization"", AuthorizationValue);
        var json = $""{{\""client_secret\"":\""{ClientSecret}\""}}"";
    }
}";
            // AccessToken is read by another constant, so it cannot stop being a constant: reported, not fixed
            var fixedSource = source
                .Replace("private const string ClientId = {|CYB0001:\"3f1c0d2e-cybrid-app\"|};", "private static readonly string ClientId = " + Env("CLIENT_ID") + ";")
                .Replace("private const string ClientSecret = {|CYB0001:\"s3cr3t-Value-123\"|};", "private static readonly string ClientSecret = " + Env("CLIENT_SECRET") + ";")
                .Replace("{|CYB0001:\"at_8d7c6b5a4f3e\"|}", "{|#0:\"at_8d7c6b5a4f3e\"|}");
            await new Verify.Test { TestCode = source, FixedCode = fixedSource }.ExpectRemaining(1).RunAsync();
        }

        [Fact]
        public async Task NeutralConstantReachingASink_IsReportedAtTheSink_AndFixedAtItsDeclaration()
        {
            const string source = @"using System;
using System.Security.Cryptography;
using System.Text;

class Signer
{
    private const string Key = ""whsec_4f9a8b7c6d5e"";

    byte[] Sign(byte[] body) => HMACSHA256.HashData(Encoding.UTF8.GetBytes({|CYB0001:Key|}), body);

    HMACSHA256 Create() => new HMACSHA256(Encoding.UTF8.GetBytes({|CYB0001:Key|}));

    int Length() => Key.Length;
}";
            var fixedSource = source
                .Replace("private const string Key = \"whsec_4f9a8b7c6d5e\";", "private static readonly string Key = " + Env("KEY") + ";")
                .Replace("{|CYB0001:Key|}", "Key");
            await Verify.VerifyCodeFixAsync(source, fixedSource);
        }

        [Fact]
        public async Task LocalConstant_BecomesALocal()
        {
            await Verify.VerifyCodeFixAsync(
                InMethod(@"const string apiKey = {|CYB0001:""ak_live_5f4e3d2c""|};
        client.DefaultRequestHeaders.Add(""X-Api-Key"", apiKey);
        const string token = ""at_8d7c6b5a4f3e"";
        request.Headers.Authorization = new AuthenticationHeaderValue(""Bearer"", {|CYB0001:token|});"),
                InMethod(@"string apiKey = " + Env("API_KEY") + @";
        client.DefaultRequestHeaders.Add(""X-Api-Key"", apiKey);
        string token = " + Env("TOKEN") + @";
        request.Headers.Authorization = new AuthenticationHeaderValue(""Bearer"", token);"));
        }

        [Theory]
        [InlineData("[System.ComponentModel.DefaultValue(ApiKey)] public string Value { get; set; }")]
        [InlineData("void M(string s) { switch (s) { case ApiKey: break; } }")]
        [InlineData("void M(string key = ApiKey) { }")]
        [InlineData("private const string Header = \"Key \" + ApiKey;")]
        [InlineData("bool M(object o) => o is ApiKey;")]
        [InlineData("string M(string s) => s switch { ApiKey => \"a\", _ => \"b\" };")]
        [InlineData("private static readonly string Header = \"Key \" + ApiKey; // runs before ApiKey would be set")]
        public async Task ConstantUsedWhereAConstantIsRequired_IsReportedButNotFixed(string use)
        {
            var source = @"class Settings
{
    " + use + @"

    public const string ApiKey = {|CYB0001:""ak_live_5f4e3d2c""|};
}";
            await Verify.VerifyCodeFixAsync(source, source);
        }

        // ---- not flagged ---------------------------------------------------------------------------------------

        [Theory]
        [InlineData("")]
        [InlineData("   ")]
        [InlineData("<client-secret>")]
        [InlineData("YOUR_CLIENT_SECRET")]
        [InlineData("your-api-key")]
        [InlineData("yourSecret")]
        [InlineData("PASTE_SECRET_HERE")]
        [InlineData("put-it-here")]
        [InlineData("changeme")]
        [InlineData("CHANGE_ME")]
        [InlineData("xxxxxxxxxxxx")]
        [InlineData("XXX-XXX")]
        [InlineData("***")]
        [InlineData("sk_live_****")]
        [InlineData("********")]
        [InlineData("${CYBRID_CLIENT_SECRET}")]
        [InlineData("{{client_secret}}")]
        [InlineData("%CYBRID_CLIENT_SECRET%")]
        [InlineData("...")]
        [InlineData("TODO")]
        [InlineData("00000000")]
        public async Task EmptyAndPlaceholderValues_AreNotReported(string value)
        {
            await Verify.VerifyAnalyzerAsync(InMethod(@"var clientSecret = """ + value + @""";
        var form = new Dictionary<string, string> { [""client_secret""] = """ + value + @""" };
        var header = new AuthenticationHeaderValue(""Bearer"", """ + value + @""");"));
        }

        [Fact]
        public async Task NamesOfSettingsAndVariables_AndValuesReadFromConfiguration_AreNotReported()
        {
            const string source = @"using System;
using Microsoft.Extensions.Configuration;

class CybridOptions
{
    private const string ClientSecretKey = ""Cybrid:ClientSecret"";
    private const string ClientSecretVariable = ""CYBRID_CLIENT_SECRET"";
    private const string ApiKeySetting = ""Cybrid:ApiKey"";
    private readonly IConfiguration _configuration;

    public CybridOptions(IConfiguration configuration)
    {
        _configuration = configuration;
        ClientSecret = configuration[""Cybrid:ClientSecret""];
    }

    public string ClientSecret { get; set; }

    public string Password { get; set; } = nameof(Password);

    void M()
    {
        var clientSecret = _configuration[""Cybrid:ClientSecret""];
        var fromSection = _configuration.GetSection(""Cybrid:ClientSecret"").Value;
        var apiKey = _configuration.GetValue<string>(""Cybrid:ApiKey"");
        var password = Environment.GetEnvironmentVariable(""CYBRID_PASSWORD"");
        var secret = Environment.GetEnvironmentVariable(ClientSecretVariable) ?? _configuration[ClientSecretKey];
        var signingKey = _configuration[""Cybrid:SigningKey""] ?? """";
        string accessToken = nameof(accessToken);
        var clientSecretName = nameof(ClientSecret) + ""Value"";
        var clientId = _configuration.GetConnectionString(""client_id"");
        var envName = ""CYBRID_CLIENT_SECRET"";
        var settingName = ""client_secret"";
        var region = _configuration[""Cybrid:Region""] ?? ""us-east-1-sandbox"";
    }
}";
            await new Verify.Test { TestCode = source }.WithSources(CYB0001_Stubs.Configuration).RunAsync();
        }

        [Theory]
        [InlineData("const string SignatureHeader = \"X-Cybrid-Signature\";")]
        [InlineData("var apiKeyHeader = \"X-Api-Key\";")]
        [InlineData("var apiKey = \"X-Api-Key\";")]
        [InlineData("var apiKey = client.DefaultRequestHeaders.GetValues(\"X-Api-Key\");")]
        [InlineData("request.Headers.Add(\"X-Api-Key\", Environment.GetEnvironmentVariable(\"CYBRID_API_KEY\"));")]
        [InlineData("var authorization = \"Authorization\";")]
        [InlineData("var bearer = \"Bearer\";")]
        [InlineData("Console.Write(\"Enter your password: \");")]
        [InlineData("var password = \"Enter your password\";")]
        [InlineData("var passwordLabel = \"Password:\";")]
        [InlineData("var secret = \"Client secret\";")]
        [InlineData("var clientSecret = \"https://vault.example.com/secrets/cybrid\";")]
        [InlineData("var privateKey = \"keys/cybrid-signing.pem\";")]
        [InlineData("var apiKey = \"Cybrid:ApiKey\";")]
        public async Task HeaderNamesUiTextAndPaths_AreNotReported(string body)
        {
            await Verify.VerifyAnalyzerAsync(InMethod(body));
        }

        [Fact]
        public async Task UrlWithPassword_IsReported()
        {
            await Verify.VerifyAnalyzerAsync(InMethod(@"var clientSecret = {|CYB0001:""https://cybrid:s3cr3t-Value-123@id.sandbox.cybrid.app""|};"));
        }

        // ---- test projects -----------------------------------------------------------------------------------

        [Fact]
        public async Task ExcludeTestProjects_True_SkipsAProjectThatReferencesXunit()
        {
            var test = new Verify.Test { TestCode = InMethod(@"var clientSecret = ""s3cr3t-Value-123"";") }
                .WithEditorConfig("cybrid_analyzers.CYB0001.exclude_test_projects = true");
            test.TestState.AdditionalReferences.Add(Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location));
            await test.RunAsync();
        }

        [Fact]
        public async Task ExcludeTestProjects_Default_StillReportsInATestProject()
        {
            var test = new Verify.Test { TestCode = InMethod(@"var clientSecret = {|CYB0001:""s3cr3t-Value-123""|};") };
            test.TestState.AdditionalReferences.Add(Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(typeof(FactAttribute).Assembly.Location));
            await test.RunAsync();
        }

        [Fact]
        public async Task ExcludeTestProjects_True_StillReportsInAProjectWithoutTestFramework()
        {
            await new Verify.Test { TestCode = InMethod(@"var clientSecret = {|CYB0001:""s3cr3t-Value-123""|};") }
                .WithEditorConfig("cybrid_analyzers.CYB0001.exclude_test_projects = true").RunAsync();
        }

        [Theory]
        [InlineData("nunit.framework")]
        [InlineData("Microsoft.VisualStudio.TestPlatform.TestFramework")]
        [InlineData("xunit.v3.core")]
        public async Task ExcludeTestProjects_PackageWideKey_RecognisesOtherFrameworks(string assemblyName)
        {
            var test = new Verify.Test { TestCode = InMethod(@"var clientSecret = ""s3cr3t-Value-123"";") }
                .WithGlobalConfig("cybrid_analyzers.exclude_test_projects = true");
            test.TestState.AdditionalReferences.Add(CYB0001_HardcodedCredentialSupport.EmptyAssembly(assemblyName));
            await test.RunAsync();
        }

        [Fact]
        public async Task ExcludeTestProjects_IsTestProjectBuildProperty_MarksATestProject()
        {
            await new Verify.Test { TestCode = InMethod(@"var clientSecret = ""s3cr3t-Value-123"";") }
                .WithGlobalConfig("cybrid_analyzers.CYB0001.exclude_test_projects = true", "build_property.IsTestProject = true").RunAsync();
        }

        [Fact]
        public async Task ExcludeTestProjects_InvalidValue_ReportsCyb0000AndKeepsTheDefault()
        {
            await new Verify.Test { TestCode = "{|CYB0000:using|}" + InMethod(@"var clientSecret = {|CYB0001:""s3cr3t-Value-123""|};").Substring("using".Length) }
                .WithEditorConfig("cybrid_analyzers.CYB0001.exclude_test_projects = sometimes").RunAsync();
        }

        // ---- message -------------------------------------------------------------------------------------------

        [Fact]
        public async Task Message_NamesTheSinkAndMasksTheValue()
        {
            await Verify.VerifyAnalyzerAsync(
                InMethod(@"client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(""Bearer"", {|#0:""abcdef123456""|});
        var credential = new NetworkCredential(""user"", {|#1:""hunter""|});
        using var hmac = new HMACSHA256({|#2:new byte[] { 0x4f, 0x9a, 0x8b, 0x7c, 0x6d, 0x5e, 0x01, 0x02 }|});
        request.Headers.Add(""Authorization"", ""Basic "" + Convert.ToBase64String(Encoding.UTF8.GetBytes({|#3:""3f1c0d2e:s3cr3t-Value-123""|})));"),
                Verify.Diagnostic(Descriptors.CYB0001_HardcodedCredential).WithLocation(0).WithArguments("The Bearer token of new AuthenticationHeaderValue(…)", "ab… (12 chars)"),
                Verify.Diagnostic(Descriptors.CYB0001_HardcodedCredential).WithLocation(1).WithArguments("The password of new NetworkCredential(…)", "… (6 chars)"),
                Verify.Diagnostic(Descriptors.CYB0001_HardcodedCredential).WithLocation(2).WithArguments("The key of new HMACSHA256(…)", "4f… (16 chars)"),
                Verify.Diagnostic(Descriptors.CYB0001_HardcodedCredential).WithLocation(3).WithArguments("The Basic credentials of the Authorization header", "3f… (25 chars)"));
        }

        [Fact]
        public async Task Message_JsonTextNamesTheField()
        {
            await Verify.VerifyAnalyzerAsync(
                InMethod(@"var payload = {|#0:""{\""client_id\"":\""3f1c0d2e-cybrid-app\"",\""client_secret\"":\""s3cr3t-Value-123\""}""|};
        var onlyId = {|#1:""{\""client_id\"":\""3f1c0d2e-cybrid-app\""}""|};"),
                Verify.Diagnostic(Descriptors.CYB0001_HardcodedCredential).WithLocation(0).WithArguments("The \"client_secret\" field of JSON text", "s3… (16 chars)"),
                Verify.Diagnostic(Descriptors.CYB0001_HardcodedClientId).WithLocation(1).WithArguments("The \"client_id\" field of JSON text", "3f… (19 chars)"));
        }

        [Fact]
        public async Task Message_NeverContainsTheSecret()
        {
            var secrets = new[] { "s3cr3t-Value-123", "3f1c0d2e-cybrid-app", "whsec_4f9a8b7c6d5e", "P@ssw0rd-2024", "abcdef123456", Jwt, PemBody, "3f1c0d2e:s3cr3t-Value-123" };
            var run = await Verifiers.AnalyzerRunner.RunAsync(new HardcodedCredentialAnalyzer(), InMethod(@"var form = new Dictionary<string, string> { [""client_id""] = ""3f1c0d2e-cybrid-app"", [""client_secret""] = ""s3cr3t-Value-123"" };
        var payload = new { client_secret = ""s3cr3t-Value-123"" };
        var json = ""{\""client_secret\"":\""s3cr3t-Value-123\""}"";
        var formText = ""client_secret=s3cr3t-Value-123"";
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(""Bearer"", ""abcdef123456"");
        request.Headers.Add(""Authorization"", ""Basic "" + Convert.ToBase64String(Encoding.UTF8.GetBytes(""3f1c0d2e:s3cr3t-Value-123"")));
        var credential = new NetworkCredential(""user"", ""P@ssw0rd-2024"");
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(""whsec_4f9a8b7c6d5e""));
        var jwt = """ + Jwt + @""";
        var pem = ""-----BEGIN PRIVATE KEY-----\n" + PemBody + @"\n-----END PRIVATE KEY-----"";
        var clientId = ""3f1c0d2e-cybrid-app"";"));
            Assert.Empty(run.Exceptions);
            Assert.Equal(12, run.Diagnostics.Length);
            foreach (var diagnostic in run.Diagnostics)
            {
                var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
                Assert.Contains("chars)", message, System.StringComparison.Ordinal);
                foreach (var secret in secrets)
                {
                    Assert.DoesNotContain(secret, message, System.StringComparison.Ordinal);
                }
            }
        }

        // ---- the fix -------------------------------------------------------------------------------------------

        [Fact]
        public async Task Fix_ReadsFromAnIConfigurationInScope()
        {
            const string source = @"using System;
using System.Net.Http;
using System.Net.Http.Headers;
using Microsoft.Extensions.Configuration;

class CybridClient
{
    private readonly IConfiguration _configuration;
    private string _clientSecret = {|CYB0001:""s3cr3t-Value-123""|};

    public CybridClient(IConfiguration configuration)
    {
        _configuration = configuration;
    }

    void Authorize(HttpClient client)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(""Bearer"", {|CYB0001:""abcdef123456""|});
        var clientSecret = {|CYB0001:""s3cr3t-Value-123""|};
        var fallback = _configuration[""Cybrid:SigningKey""] ?? {|CYB0001:""whsec_4f9a8b7c6d5e""|};
    }

    static string FromParameter(IConfiguration settings)
    {
        var apiKey = {|CYB0001:""ak_live_5f4e3d2c""|};
        return apiKey;
    }

    static string GetPrivateKey() => {|CYB0001:""pk_9f8e7d6c5b4a"" + ""/"" + PrivateKeyName|};

    const string PrivateKeyName = ""signing"";
}";
            const string fixedSource = @"using System;
using System.Net.Http;
using System.Net.Http.Headers;
using Microsoft.Extensions.Configuration;

class CybridClient
{
    private readonly IConfiguration _configuration;
    private string _clientSecret = Environment.GetEnvironmentVariable(""CYBRID_CLIENT_SECRET"") ?? throw new InvalidOperationException(""CYBRID_CLIENT_SECRET is not set"");

    public CybridClient(IConfiguration configuration)
    {
        _configuration = configuration;
    }

    void Authorize(HttpClient client)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(""Bearer"", _configuration[""Cybrid:AccessToken""]);
        var clientSecret = _configuration[""Cybrid:ClientSecret""] ?? throw new InvalidOperationException(""Cybrid:ClientSecret is not set"");
        var fallback = _configuration[""Cybrid:SigningKey""] ?? throw new InvalidOperationException(""Cybrid:SigningKey is not set"");
    }

    static string FromParameter(IConfiguration settings)
    {
        var apiKey = settings[""Cybrid:ApiKey""] ?? throw new InvalidOperationException(""Cybrid:ApiKey is not set"");
        return apiKey;
    }

    static string GetPrivateKey() => {|#0:""pk_9f8e7d6c5b4a"" + ""/"" + PrivateKeyName|};

    const string PrivateKeyName = ""signing"";
}";
            // a constant mixed with literals is reported but not fixed: the rewrite would leave the constant's text behind
            await new Verify.Test { TestCode = source, FixedCode = fixedSource }.WithSources(CYB0001_Stubs.Configuration).ExpectRemaining(1).RunAsync();
        }

        [Fact]
        public async Task Fix_UsesAConfigurationProperty_AndOnlyStaticMembersInStaticCode()
        {
            const string source = @"using System;
using Microsoft.Extensions.Configuration;

class Startup
{
    public Startup(IConfiguration configuration) => Configuration = configuration;

    public IConfiguration Configuration { get; }

    public string ApiKey { get; set; }

    void Assign() { ApiKey = {|CYB0001:""ak_live_5f4e3d2c""|}; }

    static void Static() { var password = {|CYB0001:""P@ssw0rd-2024""|}; }

    private const string SigningKey = {|CYB0001:""whsec_4f9a8b7c6d5e""|};
}

static class Defaults
{
    public static IConfigurationRoot Root { get; set; }

    private const string ClientSecret = {|CYB0001:""s3cr3t-Value-123""|};
}";
            const string fixedSource = @"using System;
using Microsoft.Extensions.Configuration;

class Startup
{
    public Startup(IConfiguration configuration) => Configuration = configuration;

    public IConfiguration Configuration { get; }

    public string ApiKey { get; set; }

    void Assign() { ApiKey = Configuration[""Cybrid:ApiKey""] ?? throw new InvalidOperationException(""Cybrid:ApiKey is not set""); }

    static void Static() { var password = Environment.GetEnvironmentVariable(""CYBRID_PASSWORD"") ?? throw new InvalidOperationException(""CYBRID_PASSWORD is not set""); }

    private static readonly string SigningKey = Environment.GetEnvironmentVariable(""CYBRID_SIGNING_KEY"") ?? throw new InvalidOperationException(""CYBRID_SIGNING_KEY is not set"");
}

static class Defaults
{
    public static IConfigurationRoot Root { get; set; }

    private static readonly string ClientSecret = Root[""Cybrid:ClientSecret""] ?? throw new InvalidOperationException(""Cybrid:ClientSecret is not set"");
}";
            await new Verify.Test { TestCode = source, FixedCode = fixedSource }.WithSources(CYB0001_Stubs.Configuration).RunAsync();
        }

        [Fact]
        public async Task Fix_NullableTargetsGetNoThrow()
        {
            const string source = @"#nullable enable
using System;

class Settings
{
    public string? ClientSecret { get; set; } = {|CYB0001:""s3cr3t-Value-123""|};
    public string ApiKey { get; set; } = {|CYB0001:""ak_live_5f4e3d2c""|};

    void M()
    {
        string? password = {|CYB0001:""P@ssw0rd-2024""|};
        var accessToken = {|CYB0001:""at_8d7c6b5a4f3e""|};
    }
}";
            const string fixedSource = @"#nullable enable
using System;

class Settings
{
    public string? ClientSecret { get; set; } = Environment.GetEnvironmentVariable(""CYBRID_CLIENT_SECRET"");
    public string ApiKey { get; set; } = Environment.GetEnvironmentVariable(""CYBRID_API_KEY"") ?? throw new InvalidOperationException(""CYBRID_API_KEY is not set"");

    void M()
    {
        string? password = Environment.GetEnvironmentVariable(""CYBRID_PASSWORD"");
        var accessToken = Environment.GetEnvironmentVariable(""CYBRID_ACCESS_TOKEN"") ?? throw new InvalidOperationException(""CYBRID_ACCESS_TOKEN is not set"");
    }
}";
            await Verify.VerifyCodeFixAsync(source, fixedSource);
        }

        [Fact]
        public async Task Fix_NullableFallbackIsRemoved()
        {
            const string source = @"#nullable enable
using Microsoft.Extensions.Configuration;

class Settings
{
    string? M(IConfiguration configuration)
    {
        string? clientSecret = configuration[""Cybrid:ClientSecret""] ?? {|CYB0001:""s3cr3t-Value-123""|};
        return clientSecret;
    }
}";
            const string fixedSource = @"#nullable enable
using Microsoft.Extensions.Configuration;

class Settings
{
    string? M(IConfiguration configuration)
    {
        string? clientSecret = configuration[""Cybrid:ClientSecret""];
        return clientSecret;
    }
}";
            await new Verify.Test { TestCode = source, FixedCode = fixedSource }.WithSources(CYB0001_Stubs.Configuration).RunAsync();
        }

        [Fact]
        public async Task Fix_AddsTheUsingsItNeeds()
        {
            const string source = @"class Signer
{
    byte[] Sign(byte[] body) => System.Security.Cryptography.HMACSHA256.HashData({|CYB0001:""whsec_4f9a8b7c6d5e""u8|}, body);

    string ClientSecret => {|CYB0001:""s3cr3t-Value-123""|};
}";
            const string fixedSource = @"using System;
using System.Text;

class Signer
{
    byte[] Sign(byte[] body) => System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(Environment.GetEnvironmentVariable(""CYBRID_SIGNING_KEY"") ?? throw new InvalidOperationException(""CYBRID_SIGNING_KEY is not set"")), body);

    string ClientSecret => Environment.GetEnvironmentVariable(""CYBRID_CLIENT_SECRET"") ?? throw new InvalidOperationException(""CYBRID_CLIENT_SECRET is not set"");
}";
            await Verify.VerifyCodeFixAsync(source, fixedSource);
        }

        [Fact]
        public async Task FixAll_FixesEveryDiagnosticAcrossTheProject()
        {
            var test = new Verify.Test();
            test.TestState.Sources.Add(("/TokenClient.cs", @"using System;
using System.Collections.Generic;
using System.Net.Http;

class TokenClient
{
    internal const string Key = ""whsec_4f9a8b7c6d5e"";

    HttpContent Body() => new FormUrlEncodedContent(new Dictionary<string, string>
    {
        { ""client_id"", {|CYB0001:""3f1c0d2e-cybrid-app""|} },
        { ""client_secret"", {|CYB0001:""s3cr3t-Value-123""|} },
    });
}"));
            test.TestState.Sources.Add(("/Signer.cs", @"using System;
using System.Security.Cryptography;
using System.Text;

class Signer
{
    private const string ApiKey = {|CYB0001:""ak_live_5f4e3d2c""|};

    byte[] Sign(byte[] body) => HMACSHA256.HashData(Encoding.UTF8.GetBytes({|CYB0001:TokenClient.Key|}), body);

    HMACSHA256 Create() => new HMACSHA256(Encoding.UTF8.GetBytes({|CYB0001:TokenClient.Key|}));

    string Header() => ApiKey;
}"));
            test.FixedState.Sources.Add(("/TokenClient.cs", @"using System;
using System.Collections.Generic;
using System.Net.Http;

class TokenClient
{
    internal static readonly string Key = Environment.GetEnvironmentVariable(""CYBRID_KEY"") ?? throw new InvalidOperationException(""CYBRID_KEY is not set"");

    HttpContent Body() => new FormUrlEncodedContent(new Dictionary<string, string>
    {
        { ""client_id"", Environment.GetEnvironmentVariable(""CYBRID_CLIENT_ID"") ?? throw new InvalidOperationException(""CYBRID_CLIENT_ID is not set"") },
        { ""client_secret"", Environment.GetEnvironmentVariable(""CYBRID_CLIENT_SECRET"") ?? throw new InvalidOperationException(""CYBRID_CLIENT_SECRET is not set"") },
    });
}"));
            test.FixedState.Sources.Add(("/Signer.cs", @"using System;
using System.Security.Cryptography;
using System.Text;

class Signer
{
    private static readonly string ApiKey = Environment.GetEnvironmentVariable(""CYBRID_API_KEY"") ?? throw new InvalidOperationException(""CYBRID_API_KEY is not set"");

    byte[] Sign(byte[] body) => HMACSHA256.HashData(Encoding.UTF8.GetBytes(TokenClient.Key), body);

    HMACSHA256 Create() => new HMACSHA256(Encoding.UTF8.GetBytes(TokenClient.Key));

    string Header() => ApiKey;
}"));
            await test.RunAsync();
        }

        // ---- language versions, frameworks, generated code, suppression, broken code ---------------------------

        [Fact]
        public async Task CSharp73_IsSupported()
        {
            const string source = @"using System;
using System.Collections.Generic;

class TokenClient
{
    private const string ClientSecret = {|CYB0001:""s3cr3t-Value-123""|};

    private Dictionary<string, string> Form()
    {
        var form = new Dictionary<string, string>();
        form.Add(""client_secret"", ClientSecret);
        form.Add(""client_id"", {|CYB0001:""3f1c0d2e-cybrid-app""|});
        return form;
    }
}";
            const string fixedSource = @"using System;
using System.Collections.Generic;

class TokenClient
{
    private static readonly string ClientSecret = Environment.GetEnvironmentVariable(""CYBRID_CLIENT_SECRET"") ?? throw new InvalidOperationException(""CYBRID_CLIENT_SECRET is not set"");

    private Dictionary<string, string> Form()
    {
        var form = new Dictionary<string, string>();
        form.Add(""client_secret"", ClientSecret);
        form.Add(""client_id"", Environment.GetEnvironmentVariable(""CYBRID_CLIENT_ID"") ?? throw new InvalidOperationException(""CYBRID_CLIENT_ID is not set""));
        return form;
    }
}";
            await new Verify.Test { TestCode = source, FixedCode = fixedSource, LanguageVersion = LanguageVersion.CSharp7_3 }.RunAsync();
        }

        [Fact]
        public async Task NetStandard20_IsSupported()
        {
            const string source = @"using System;
using System.Net;
using System.Security.Cryptography;
using System.Text;

class C
{
    void M()
    {
        var credential = new NetworkCredential(""cybrid-user"", {|CYB0001:""P@ssw0rd-2024""|});
        var hmac = new HMACSHA256(Encoding.UTF8.GetBytes({|CYB0001:""whsec_4f9a8b7c6d5e""|}));
    }
}";
            const string fixedSource = @"using System;
using System.Net;
using System.Security.Cryptography;
using System.Text;

class C
{
    void M()
    {
        var credential = new NetworkCredential(""cybrid-user"", Environment.GetEnvironmentVariable(""CYBRID_PASSWORD"") ?? throw new InvalidOperationException(""CYBRID_PASSWORD is not set""));
        var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(Environment.GetEnvironmentVariable(""CYBRID_SIGNING_KEY"") ?? throw new InvalidOperationException(""CYBRID_SIGNING_KEY is not set"")));
    }
}";
            await new Verify.Test
            {
                TestCode = source,
                FixedCode = fixedSource,
                ReferenceAssemblies = Verifiers.TestReferences.NetStandard20,
            }.RunAsync();
        }

        [Fact]
        public async Task LookalikeTypesFromOtherNamespaces_AreNotSinks()
        {
            const string source = @"namespace Other
{
    class AuthenticationHeaderValue { public AuthenticationHeaderValue(string scheme, string parameter) { } }

    class HMACSHA256 { public HMACSHA256(byte[] key) { } }

    class C
    {
        void M()
        {
            var header = new AuthenticationHeaderValue(""Bearer"", ""abcdef123456"");
            var hmac = new HMACSHA256(new byte[] { 0x4f, 0x9a, 0x8b, 0x7c });
        }
    }
}";
            await Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task GeneratedCode_IsSkipped()
        {
            const string source = @"// <auto-generated/>
using System.Collections.Generic;

class GeneratedTokenClient
{
    public string ClientSecret = ""s3cr3t-Value-123"";
    Dictionary<string, string> Form() => new Dictionary<string, string> { [""client_secret""] = ""s3cr3t-Value-123"" };
}";
            await Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task PragmaSuppressMessageAndSeverityNone_AreHonored()
        {
            const string source = @"using System.Diagnostics.CodeAnalysis;

class C
{
    void M()
    {
#pragma warning disable CYB0001 // sandbox fixture
        var clientSecret = ""s3cr3t-Value-123"";
#pragma warning restore CYB0001
    }

    [SuppressMessage(""Security"", ""CYB0001:Hard-coded Cybrid credential"", Justification = ""sandbox-only key"")]
    void N()
    {
        var apiKey = ""ak_live_5f4e3d2c"";
    }
}";
            await Verify.VerifyAnalyzerAsync(source);
            await new Verify.Test { TestCode = InMethod(@"var clientSecret = ""s3cr3t-Value-123"";") }
                .WithEditorConfig("dotnet_diagnostic.CYB0001.severity = none").RunAsync();
        }

        [Theory]
        [InlineData("var clientSecret = \"s3cr3t-Value-123\"")]
        [InlineData("var form = new Dictionary<string, string> { [\"client_secret\"] = ")]
        [InlineData("client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Bearer\", \"abc")]
        [InlineData("var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(\"whsec_4f9a8b7c6d5e\"")]
        [InlineData("const string apiKey = \"ak_live\" + ; var x = apiKey")]
        [InlineData("var json = $\"{{\\\"client_secret\\\":\\\"{")]
        [InlineData("var credential = new NetworkCredential(\"user\", , \"s3cr3t-Value-123\");")]
        [InlineData("var bytes = new byte[] { 0x4f, , 0x9a }; using var hmac = new HMACSHA256(bytes")]
        public async Task HalfTypedCode_DoesNotCrash(string body)
        {
            var run = await Verifiers.AnalyzerRunner.RunAsync(new HardcodedCredentialAnalyzer(), InMethod(body));
            Assert.Empty(run.Exceptions);
            Assert.True(run.CompilerErrors > 0, "the input should not compile");
        }
    }
}
