using System.Threading.Tasks;
using Cybrid.Analyzers.Rules;
using Cybrid.Analyzers.Tests.Stubs;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = Cybrid.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Cybrid.Analyzers.Rules.SignatureComparisonAnalyzer,
    Cybrid.Analyzers.CodeFixes.Rules.SignatureComparisonCodeFix>;

namespace Cybrid.Analyzers.Tests.Rules
{
    public class CYB0003_SignatureComparisonTests
    {
        /// <summary>
        /// A webhook check with every using the fix needs already present, so a row shows only the rewritten
        /// expression. <c>provided</c> comes from the X-Cybrid-Signature header; <c>computed</c>/<c>expected</c> from an HMAC.
        /// </summary>
        private static string Receiver(string body) => @"
using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

class Receiver
{
    bool Verify(HttpRequest request, byte[] key, byte[] body)
    {
        var computed = HMACSHA256.HashData(key, body);
        var expected = Convert.ToHexString(computed).ToLowerInvariant();
        var provided = request.Headers[""X-Cybrid-Signature""].ToString();
        " + body + @"
    }
}";

        /// <summary>A method whose parameters have neutral names, so only the body says what is a MAC.</summary>
        private static string Neutral(string body, string usings = "") => @"
using System;
using System.Collections.Specialized;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
" + usings + @"
class Handler
{
    bool Check(HttpRequest request, HttpRequestMessage message, NameValueCollection collection, byte[] key, byte[] data, string text, byte[] bytes, Stream stream)
    {
        " + body + @"
        return true;
    }
}";

        /// <summary>A test over <paramref name="source"/> and the ASP.NET Core stubs; with <paramref name="fixedSource"/>, a code-fix test too.</summary>
        private static Verify.Test WithStubs(string source, string? fixedSource = null)
        {
            var test = new Verify.Test { TestCode = source };
            if (fixedSource == null)
            {
                test.TestState.Sources.Add(CYB0003AspNetCoreStubs.Source);
                return test;
            }

            test.FixedCode = fixedSource;
            return test.WithSources(CYB0003AspNetCoreStubs.Source);
        }

        // ---- every comparison form, with its fix ---------------------------------------------------------------

        [Theory]
        [InlineData("return {|CYB0003:provided == expected|};", "return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(provided), Encoding.UTF8.GetBytes(expected));")]
        [InlineData("return {|CYB0003:provided != expected|};", "return !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(provided), Encoding.UTF8.GetBytes(expected));")]
        [InlineData("return {|CYB0003:string.Equals(provided, expected)|};", "return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(provided), Encoding.UTF8.GetBytes(expected));")]
        [InlineData("return {|CYB0003:string.Equals(provided, expected, StringComparison.Ordinal)|};", "return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(provided), Encoding.UTF8.GetBytes(expected));")]
        [InlineData("return {|CYB0003:string.Equals(provided, expected, StringComparison.OrdinalIgnoreCase)|};", "return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(provided.ToLowerInvariant()), Encoding.UTF8.GetBytes(expected.ToLowerInvariant()));")]
        [InlineData("return {|CYB0003:string.Equals(provided, expected, StringComparison.CurrentCultureIgnoreCase)|};", "return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(provided.ToLowerInvariant()), Encoding.UTF8.GetBytes(expected.ToLowerInvariant()));")]
        [InlineData("return {|CYB0003:provided.Equals(expected)|};", "return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(provided), Encoding.UTF8.GetBytes(expected));")]
        [InlineData("return !{|CYB0003:provided.Equals(expected)|};", "return !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(provided), Encoding.UTF8.GetBytes(expected));")]
        [InlineData("return {|CYB0003:expected.Equals(provided, StringComparison.InvariantCultureIgnoreCase)|};", "return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected.ToLowerInvariant()), Encoding.UTF8.GetBytes(provided.ToLowerInvariant()));")]
        [InlineData("return {|CYB0003:Equals(provided, expected)|};", "return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(provided), Encoding.UTF8.GetBytes(expected));")]
        [InlineData("return {|CYB0003:string.Compare(provided, expected) == 0|};", "return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(provided), Encoding.UTF8.GetBytes(expected));")]
        [InlineData("return {|CYB0003:string.Compare(provided, expected, StringComparison.OrdinalIgnoreCase) != 0|};", "return !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(provided.ToLowerInvariant()), Encoding.UTF8.GetBytes(expected.ToLowerInvariant()));")]
        [InlineData("return {|CYB0003:string.Compare(provided, expected, true) == 0|};", "return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(provided.ToLowerInvariant()), Encoding.UTF8.GetBytes(expected.ToLowerInvariant()));")]
        [InlineData("return {|CYB0003:0 == string.CompareOrdinal(provided, expected)|};", "return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(provided), Encoding.UTF8.GetBytes(expected));")]
        [InlineData("return {|CYB0003:provided.CompareTo(expected) == 0|};", "return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(provided), Encoding.UTF8.GetBytes(expected));")]
        [InlineData("return {|CYB0003:StringComparer.Ordinal.Equals(provided, expected)|};", "return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(provided), Encoding.UTF8.GetBytes(expected));")]
        [InlineData("return {|CYB0003:StringComparer.OrdinalIgnoreCase.Equals(provided, expected)|};", "return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(provided.ToLowerInvariant()), Encoding.UTF8.GetBytes(expected.ToLowerInvariant()));")]
        [InlineData("return {|CYB0003:StringComparer.InvariantCulture.Equals(provided, expected)|};", "return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(provided), Encoding.UTF8.GetBytes(expected));")]
        [InlineData("return {|CYB0003:System.Collections.Generic.EqualityComparer<string>.Default.Equals(provided, expected)|};", "return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(provided), Encoding.UTF8.GetBytes(expected));")]
        [InlineData("return {|CYB0003:computed.AsSpan().SequenceCompareTo(Convert.FromHexString(provided)) == 0|};", "return CryptographicOperations.FixedTimeEquals(computed.AsSpan(), Convert.FromHexString(provided));")]
        [InlineData("return {|CYB0003:computed.SequenceEqual(Convert.FromHexString(provided))|};", "return CryptographicOperations.FixedTimeEquals(computed, Convert.FromHexString(provided));")]
        [InlineData("return {|CYB0003:provided.SequenceEqual(expected)|};", "return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(provided), Encoding.UTF8.GetBytes(expected));")]
        [InlineData("return {|CYB0003:Enumerable.SequenceEqual(computed, Convert.FromHexString(provided))|};", "return CryptographicOperations.FixedTimeEquals(computed, Convert.FromHexString(provided));")]
        [InlineData("return {|CYB0003:computed.AsSpan().SequenceEqual(Convert.FromHexString(provided))|};", "return CryptographicOperations.FixedTimeEquals(computed.AsSpan(), Convert.FromHexString(provided));")]
        [InlineData("return {|CYB0003:MemoryExtensions.SequenceEqual(computed.AsSpan(), Convert.FromHexString(provided))|};", "return CryptographicOperations.FixedTimeEquals(computed.AsSpan(), Convert.FromHexString(provided));")]
        [InlineData("return {|CYB0003:expected.AsSpan().Equals(provided.AsSpan(), StringComparison.OrdinalIgnoreCase)|};", "return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected.AsSpan().ToString().ToLowerInvariant()), Encoding.UTF8.GetBytes(provided.AsSpan().ToString().ToLowerInvariant()));")]
        public async Task EveryComparisonForm_IsReportedAndFixed(string body, string fixedBody)
        {
            await WithStubs(Receiver(body), Receiver(fixedBody)).RunAsync();
        }

        // ---- the call's shape, read before its method ----------------------------------------------------------

        [Theory]
        [InlineData("provided.Equals(expected);\n        return true;")]
        [InlineData("computed.SequenceEqual(Convert.FromHexString(provided));\n        return true;")]
        [InlineData("_ = provided.Equals(expected, StringComparison.Ordinal);\n        return true;")]
        public async Task ComparisonWhoseResultIsDiscarded_IsNotReported(string body)
        {
            // a comparison made as a statement decides nothing, so no timing of it is observable
            await WithStubs(Receiver(body)).RunAsync();
        }

        [Theory]
        [InlineData("return provided?{|CYB0003:.Equals(expected)|} == true;")]
        [InlineData("Func<bool> check = () => {|CYB0003:string.Equals(provided, expected, StringComparison.Ordinal)|};\n        return check();")]
        [InlineData("var same = {|CYB0003:computed.SequenceEqual(Convert.FromHexString(provided), EqualityComparer<byte>.Default)|};\n        return same;")]
        public async Task ComparisonThroughConditionalAccessLambdaOrComparer_IsReported(string body)
        {
            await WithStubs(Receiver(body).Replace("using System.Linq;", "using System.Collections.Generic;\nusing System.Linq;")).RunAsync();
        }

        // ---- where a MAC comes from: HMAC outputs -------------------------------------------------------------

        [Theory]
        [InlineData("using var hmac = new HMACSHA256(key);\n        if ({|CYB0003:hmac.ComputeHash(data).SequenceEqual(bytes)|}) { }")]
        [InlineData("if ({|CYB0003:Convert.ToHexString(HMACSHA256.HashData(key, data)) == text|}) { }")]
        [InlineData("if ({|CYB0003:Convert.ToHexString(HMACSHA512.HashData(key, data)).ToLower() == text|}) { }")]
        [InlineData("using var hmac = new HMACSHA256(key);\n        if ({|CYB0003:BitConverter.ToString(hmac.ComputeHash(data)).Replace(\"-\", \"\").ToLowerInvariant() == text|}) { }")]
        [InlineData("if ({|CYB0003:string.Equals(Convert.ToBase64String(HMACSHA256.HashData(key, data)), text)|}) { }")]
        [InlineData("using var hmac = new HMACSHA256(key);\n        Span<byte> buffer = stackalloc byte[32];\n        hmac.TryComputeHash(data, buffer, out _);\n        if ({|CYB0003:buffer.SequenceEqual(bytes)|}) { }")]
        [InlineData("var buffer = new byte[32];\n        HMACSHA256.HashData(key, data, buffer);\n        if ({|CYB0003:buffer.AsSpan().SequenceEqual(bytes)|}) { }")]
        [InlineData("using var incremental = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);\n        incremental.AppendData(data);\n        var result = incremental.GetHashAndReset();\n        if ({|CYB0003:result.SequenceEqual(bytes)|}) { }")]
        [InlineData("using var hmac = new HMACSHA256(key);\n        var result = hmac.ComputeHashAsync(stream).Result;\n        if ({|CYB0003:Convert.ToHexString(result) == text|}) { }")]
        [InlineData("using HMAC hmac = new HMACSHA256(key);\n        hmac.TransformFinalBlock(data, 0, data.Length);\n        if ({|CYB0003:hmac.Hash.SequenceEqual(bytes)|}) { }")]
        [InlineData("var hex = \"sha256=\" + Convert.ToHexString(HMACSHA256.HashData(key, data)).ToLowerInvariant();\n        if ({|CYB0003:hex == text|}) { }")]
        [InlineData("var hex = $\"sha256={Convert.ToHexString(HMACSHA256.HashData(key, data))}\";\n        if ({|CYB0003:text.Equals(hex)|}) { }")]
        public async Task HmacOutput_DirectlyOrConverted_IsReported(string body)
        {
            await WithStubs(Neutral(body)).RunAsync();
        }

        [Theory]
        [InlineData("if (Convert.ToHexString(SHA256.HashData(data)) == text) { }")]
        [InlineData("using var incremental = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);\n        incremental.AppendData(data);\n        if (incremental.GetHashAndReset().SequenceEqual(bytes)) { }")]
        [InlineData("using var sha = SHA256.Create();\n        if (sha.ComputeHash(data).SequenceEqual(bytes)) { }")]
        public async Task PlainHashWithoutKey_IsNotReported(string body)
        {
            await WithStubs(Neutral(body)).RunAsync();
        }

        // ---- where a MAC comes from: the X-Cybrid-Signature header ---------------------------------------------

        [Theory]
        [InlineData("if ({|CYB0003:request.Headers[\"X-Cybrid-Signature\"] == text|}) { }")]
        [InlineData("if ({|CYB0003:request.Headers[\"x-cybrid-signature\"] != text|}) { }")]
        [InlineData("const string Header = \"X-CYBRID-SIGNATURE\";\n        if ({|CYB0003:text == request.Headers[Header]|}) { }")]
        [InlineData("if (request.Headers.TryGetValue(\"X-Cybrid-Signature\", out var values) && {|CYB0003:values == text|}) { }")]
        [InlineData("StringValues values;\n        request.Headers.TryGetValue(\"X-Cybrid-Signature\", out values);\n        if ({|CYB0003:string.Equals(values.ToString(), text)|}) { }")]
        [InlineData("var value = message.Headers.GetValues(\"X-Cybrid-Signature\").First();\n        if ({|CYB0003:value == text|}) { }")]
        [InlineData("if (message.Headers.TryGetValues(\"X-Cybrid-Signature\", out var values) && {|CYB0003:values.Single() == text|}) { }")]
        [InlineData("if ({|CYB0003:collection[\"X-Cybrid-Signature\"] == text|}) { }")]
        [InlineData("if ({|CYB0003:collection.Get(\"X-Cybrid-Signature\") == text|}) { }")]
        [InlineData("var value = (string)request.Headers[\"X-Cybrid-Signature\"];\n        if ({|CYB0003:value == text|}) { }")]
        [InlineData("var raw = request.Headers[\"X-Cybrid-Signature\"].ToString();\n        var hex = raw.Substring(\"sha256=\".Length);\n        if ({|CYB0003:hex == text|}) { }")]
        [InlineData("var hex = request.Headers[\"X-Cybrid-Signature\"].ToString().Replace(\"sha256=\", string.Empty);\n        if ({|CYB0003:hex == text|}) { }")]
        [InlineData("var hex = request.Headers[\"X-Cybrid-Signature\"].ToString().TrimStart(\"sha256=\".ToCharArray());\n        if ({|CYB0003:hex == text|}) { }")]
        [InlineData("string raw = request.Headers[\"X-Cybrid-Signature\"];\n        var hex = raw.StartsWith(\"sha256=\") ? raw[7..] : raw;\n        if ({|CYB0003:text == hex|}) { }")]
        [InlineData("var provided = Convert.FromHexString(request.Headers[\"X-Cybrid-Signature\"].ToString());\n        if ({|CYB0003:provided.SequenceEqual(bytes)|}) { }")]
        public async Task SignatureHeader_ReadAnyWay_IsReported(string body)
        {
            await WithStubs(Neutral(body)).RunAsync();
        }

        [Theory]
        [InlineData("out string value) { value = request.Headers[\"X-Cybrid-Signature\"]; return {|CYB0003:value == text|}; }")]
        [InlineData("ref string value) { value = request.Headers[\"X-Cybrid-Signature\"]; return {|CYB0003:text.Equals(value)|}; }")]
        [InlineData("out string value) { request.Headers.TryGetValue(\"X-Cybrid-Signature\", out var values); value = values; return {|CYB0003:value != text|}; }")]
        public async Task RefOrOutParameter_WrittenFromTheSignatureHeader_IsReported(string signatureAndBody)
        {
            await WithStubs(@"
using Microsoft.AspNetCore.Http;

class Receiver
{
    bool Check(HttpRequest request, string text, " + signatureAndBody + @"
}").RunAsync();
        }

        [Theory]
        [InlineData("return string.Equals(line, sku, System.StringComparison.Ordinal);")]
        [InlineData("return sku == line;")]
        [InlineData("sku = sku.Trim(); return sku.Equals(line);")]
        public async Task ValueParameters_WithoutSignatureNameOrHeaderAttribute_AreNotReported(string body)
        {
            await WithStubs(@"
class Catalog
{
    bool Matches(string line, string sku) { " + body + @" }
}").RunAsync();
        }

        [Fact]
        public async Task ValueParameterReassignedInTheBody_IsJudgedByItsNameAndAttributesOnly()
        {
            // A documented limit (docs/rules/CYB0003.md): the writes of a value parameter are not followed, so a MAC
            // stored into a neutrally named parameter is not seen. The same MAC in a local is.
            const string source = @"
using System;
using System.Security.Cryptography;

class Receiver
{
    bool IntoParameter(byte[] key, byte[] data, string expected, string computed)
    {
        computed = Convert.ToHexString(HMACSHA256.HashData(key, data));
        return computed == expected;
    }

    bool IntoLocal(byte[] key, byte[] data, string expected)
    {
        var computed = Convert.ToHexString(HMACSHA256.HashData(key, data));
        return {|CYB0003:computed == expected|};
    }
}";
            await WithStubs(source).RunAsync();
        }

        [Fact]
        public async Task FromHeaderParameter_IsReported()
        {
            const string source = @"
using Microsoft.AspNetCore.Mvc;

class Receiver
{
    bool Check([FromHeader(Name = ""x-Cybrid-Signature"")] string value, string computedHex)
        => {|CYB0003:value == computedHex|};

    bool Other([FromHeader(Name = ""X-Request-Id"")] string value, string computedHex)
        => value == computedHex;
}";
            await WithStubs(source).RunAsync();
        }

        [Fact]
        public async Task FromHeaderOnLambdaAndLocalFunctionParameters_IsReported()
        {
            // the attribute check skips parameters whose declarations carry no attribute list: these carry one
            const string source = @"
using System;
using Microsoft.AspNetCore.Mvc;

class Receiver
{
    void Register(string computedHex)
    {
        Func<string, bool> check = ([FromHeader(Name = ""X-Cybrid-Signature"")] string value) => {|CYB0003:value == computedHex|};
        bool Local([FromHeader(Name = ""X-Cybrid-Signature"")] string value) => {|CYB0003:value == computedHex|};
        Func<string, bool> plain = value => value == computedHex;
    }
}";
            var test = WithStubs(source);
            test.CompilerDiagnostics = CompilerDiagnostics.None; // an unused local function is fine here
            await test.RunAsync();
        }

        [Theory]
        [InlineData("m_ac")]
        [InlineData("S_IG_VALUE")]
        [InlineData("bodyDi_gest")]
        [InlineData("HMac2")]
        public async Task NamesSplitBySeparators_AreReported(string name)
        {
            // words are matched across separators (s_ig has the words s, ig: the run "sig"), so the cheap letter scan must see them too
            await WithStubs("class C { bool M(string " + name + ", string other) => {|CYB0003:" + name + " == other|}; }").RunAsync();
        }

        [Fact]
        public async Task OtherHeaders_AreNotReported()
        {
            await WithStubs(Neutral(@"if (request.Headers[""X-Request-Id""] == text) { }
        if (request.Headers.TryGetValue(""Idempotency-Key"", out var values) && values == text) { }
        if (collection[""X-Cybrid-Event""] == text) { }")).RunAsync();
        }

        // ---- where a MAC comes from: names -------------------------------------------------------------------

        [Theory]
        [InlineData("string signature, string value", "{|CYB0003:signature == value|}")]
        [InlineData("string expectedSig, string value", "{|CYB0003:value.Equals(expectedSig)|}")]
        [InlineData("string computedHmac, string value", "{|CYB0003:string.Equals(value, computedHmac, StringComparison.OrdinalIgnoreCase)|}")]
        [InlineData("byte[] mac, byte[] value", "{|CYB0003:mac.SequenceEqual(value)|}")]
        [InlineData("byte[] macs, byte[] value", "{|CYB0003:value.AsSpan().SequenceEqual(macs)|}")]
        [InlineData("string bodyDigest, string value", "{|CYB0003:bodyDigest != value|}")]
        [InlineData("Payload payload, string value", "{|CYB0003:payload.Signature == value|}")]
        [InlineData("Payload payload, string value", "{|CYB0003:ComputeSignature(payload) == value|}")]
        [InlineData("System.Collections.Generic.Dictionary<string, string> form, string value", "{|CYB0003:form[\"signature\"] == value|}")]
        [InlineData("string x_cybrid_signature, string value", "{|CYB0003:x_cybrid_signature == value|}")]
        [InlineData("string signatureHeader, string value", "{|CYB0003:value != signatureHeader|}")]
        public async Task SignatureLikeNames_AreReported(string parameters, string comparison)
        {
            await WithStubs(NamedCase(parameters, comparison)).RunAsync();
        }

        [Theory]
        [InlineData("string machine, string value", "machine == value")]
        [InlineData("string macAddress, string value", "macAddress == value")]
        [InlineData("string signatureHeaderName, string value", "signatureHeaderName == value")]
        [InlineData("string signatureAlgorithm, string value", "signatureAlgorithm == value")]
        [InlineData("byte[] hmacKey, byte[] value", "hmacKey.SequenceEqual(value)")]
        [InlineData("string digestMethod, string value", "digestMethod == value")]
        [InlineData("string signatureVersion, string value", "string.Equals(signatureVersion, value)")]
        [InlineData("bool isSignatureValid, bool value", "isSignatureValid == value")]
        [InlineData("int signatureLength, int value", "signatureLength == value")]
        [InlineData("string design, string value", "design == value")]
        public async Task NamesThatAreNotSignatures_AreNotReported(string parameters, string comparison)
        {
            await WithStubs(NamedCase(parameters, comparison)).RunAsync();
        }

        private static string NamedCase(string parameters, string comparison) => @"
using System;
using System.Linq;

class Payload { public string Signature { get; set; } public string EventType { get; set; } }

class Receiver
{
    static string ComputeSignature(Payload payload) => payload.EventType;

    bool Check(" + parameters + @") => " + comparison + @";
}";

        // ---- tracking through locals ---------------------------------------------------------------------------

        [Fact]
        public async Task ValueFlowingThroughSeveralLocals_IsReported()
        {
            await WithStubs(Neutral(@"string raw = null;
        if (request.Headers.ContainsKey(""X-Cybrid-Signature""))
        {
            raw = request.Headers[""X-Cybrid-Signature""];
        }

        var trimmed = raw?.Trim();
        var lower = trimmed.ToLowerInvariant();
        var candidate = lower;
        if ({|CYB0003:candidate == text|}) { }")).RunAsync();
        }

        [Fact]
        public async Task LocalsThatNeverHoldAMac_AreNotReported()
        {
            await WithStubs(Neutral(@"var id = request.Headers[""X-Request-Id""].ToString();
        var copy = id.ToLowerInvariant();
        var hash = Convert.ToHexString(SHA256.HashData(data));
        var loop = copy;
        loop = loop + hash;
        if (copy == text || hash == text || loop == text) { }")).RunAsync();
        }

        // ---- must not flag ---------------------------------------------------------------------------------------

        [Theory]
        [InlineData("return provided == null || null != expected || provided is null;")]
        [InlineData("return string.IsNullOrEmpty(provided) || StringValues.IsNullOrEmpty(request.Headers[\"X-Cybrid-Signature\"]);")]
        [InlineData("return provided == \"\" || provided == string.Empty || provided.Equals(\"\") || request.Headers[\"X-Cybrid-Signature\"] == StringValues.Empty;")]
        [InlineData("return computed == null || computed.SequenceEqual(Array.Empty<byte>()) || computed.SequenceEqual(new byte[0]);")]
        [InlineData("return provided.Length != 64 || provided.Length != expected.Length || computed.Length == 32;")]
        [InlineData("return request.Headers[\"X-Cybrid-Signature\"].Count != 1;")]
        [InlineData("return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(provided), Encoding.UTF8.GetBytes(expected));")]
        [InlineData("return !CryptographicOperations.FixedTimeEquals(computed, Convert.FromHexString(provided));")]
        [InlineData("return provided.StartsWith(\"sha256=\") && expected.Contains('a');")]
        public async Task NullEmptyLengthAndFixedTimeChecks_AreNotReported(string body)
        {
            await WithStubs(Receiver(body).Replace("using Microsoft.AspNetCore.Http;", "using Microsoft.AspNetCore.Http;\nusing Microsoft.Extensions.Primitives;")).RunAsync();
        }

        [Fact]
        public async Task HeaderNamesAndEventTypes_AreNotReported()
        {
            const string source = @"
using System;
using System.Linq;
using Microsoft.AspNetCore.Http;

class WebhookEvent
{
    public string Guid { get; set; }
    public string EventType { get; set; }
    public string Environment { get; set; }
}

class Router
{
    private const string SignatureHeaderName = ""X-Cybrid-Signature"";
    private static readonly string SignatureHeader = ""X-Cybrid-Signature"";

    bool Route(HttpRequest request, WebhookEvent evt, string expectedEventType, string environment, string headerName)
    {
        foreach (var header in request.Headers)
        {
            if (header.Key == SignatureHeaderName || string.Equals(header.Key, SignatureHeader, StringComparison.OrdinalIgnoreCase))
            {
                break;
            }
        }

        if (string.Equals(headerName, ""X-Cybrid-Signature"", StringComparison.OrdinalIgnoreCase)) { }
        var signatureHeader = ""X-Cybrid-Signature"";
        string sigHeader;
        sigHeader = SignatureHeaderName;
        if (headerName == signatureHeader || sigHeader == headerName) { }
        if (request.Headers.Keys.Any(k => k.Equals(SignatureHeaderName, StringComparison.OrdinalIgnoreCase))) { }
        if (evt.EventType == ""transfer.storing"" || evt.EventType == expectedEventType) { }
        if (evt.Environment != environment || evt.Guid.Equals(expectedEventType)) { }
        return request.Method == ""POST"";
    }
}";
            await WithStubs(source).RunAsync();
        }

        // ---- webhook receivers a team would write ------------------------------------------------------------

        [Fact]
        public async Task AspNetCoreController_FromHeader_IsReportedAndFixed()
        {
            const string source = @"using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;

namespace Acme.Payments.Webhooks
{
    [ApiController]
    [Route(""webhooks/cybrid"")]
    public sealed class CybridWebhookController : ControllerBase
    {
        private readonly byte[] _signingKey;

        public CybridWebhookController(byte[] signingKey) => _signingKey = signingKey;

        [HttpPost]
        public async Task<IActionResult> Receive([FromHeader(Name = ""X-Cybrid-Signature"")] string signature)
        {
            using var reader = new StreamReader(Request.Body);
            var body = await reader.ReadToEndAsync();
            using var hmac = new System.Security.Cryptography.HMACSHA256(_signingKey);
            var computed = Convert.ToHexString(hmac.ComputeHash(System.Text.Encoding.UTF8.GetBytes(body))).ToLowerInvariant();
            if ({|CYB0003:computed != signature|})
            {
                return Unauthorized();
            }

            return Ok();
        }
    }
}";
            const string fixedSource = @"using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;

namespace Acme.Payments.Webhooks
{
    [ApiController]
    [Route(""webhooks/cybrid"")]
    public sealed class CybridWebhookController : ControllerBase
    {
        private readonly byte[] _signingKey;

        public CybridWebhookController(byte[] signingKey) => _signingKey = signingKey;

        [HttpPost]
        public async Task<IActionResult> Receive([FromHeader(Name = ""X-Cybrid-Signature"")] string signature)
        {
            using var reader = new StreamReader(Request.Body);
            var body = await reader.ReadToEndAsync();
            using var hmac = new System.Security.Cryptography.HMACSHA256(_signingKey);
            var computed = Convert.ToHexString(hmac.ComputeHash(System.Text.Encoding.UTF8.GetBytes(body))).ToLowerInvariant();
            if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(computed), Encoding.UTF8.GetBytes(signature)))
            {
                return Unauthorized();
            }

            return Ok();
        }
    }
}";
            await WithStubs(source, fixedSource).RunAsync();
        }

        [Fact]
        public async Task AspNetCoreController_RequestHeadersIgnoringCase_IsReportedAndFixed()
        {
            const string source = @"using System;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc;

namespace Acme.Webhooks
{
    public sealed class CybridController : ControllerBase
    {
        private readonly string _signingKey = Environment.GetEnvironmentVariable(""CYBRID_SIGNING_KEY"");

        [HttpPost(""cybrid"")]
        public IActionResult Post([FromBody] string rawBody)
        {
            var header = Request.Headers[""X-Cybrid-Signature""].ToString();
            var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(_signingKey), Encoding.UTF8.GetBytes(rawBody));
            if (!{|CYB0003:string.Equals(header, ""sha256="" + Convert.ToHexString(hash), StringComparison.OrdinalIgnoreCase)|})
            {
                return Unauthorized();
            }

            return Ok();
        }
    }
}";
            const string fixedSource = @"using System;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc;

namespace Acme.Webhooks
{
    public sealed class CybridController : ControllerBase
    {
        private readonly string _signingKey = Environment.GetEnvironmentVariable(""CYBRID_SIGNING_KEY"");

        [HttpPost(""cybrid"")]
        public IActionResult Post([FromBody] string rawBody)
        {
            var header = Request.Headers[""X-Cybrid-Signature""].ToString();
            var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(_signingKey), Encoding.UTF8.GetBytes(rawBody));
            if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header.ToLowerInvariant()), Encoding.UTF8.GetBytes((""sha256="" + Convert.ToHexString(hash)).ToLowerInvariant())))
            {
                return Unauthorized();
            }

            return Ok();
        }
    }
}";
            await WithStubs(source, fixedSource).RunAsync();
        }

        [Fact]
        public async Task MinimalApiLambda_StringValuesComparison_IsReportedAndFixed()
        {
            const string source = @"using System;
using System.IO;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

static class Webhooks
{
    public static void Map(IEndpointRouteBuilder app, byte[] signingKey)
    {
        app.MapPost(""/webhooks/cybrid"", async (HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            var expected = Convert.ToHexString(System.Security.Cryptography.HMACSHA256.HashData(signingKey, buffer.ToArray())).ToLowerInvariant();
            var signature = request.Headers[""X-Cybrid-Signature""];
            if ({|CYB0003:signature != expected|})
            {
                return Results.Unauthorized();
            }

            return Results.Ok();
        });
    }
}";
            const string fixedSource = @"using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

static class Webhooks
{
    public static void Map(IEndpointRouteBuilder app, byte[] signingKey)
    {
        app.MapPost(""/webhooks/cybrid"", async (HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            var expected = Convert.ToHexString(System.Security.Cryptography.HMACSHA256.HashData(signingKey, buffer.ToArray())).ToLowerInvariant();
            var signature = request.Headers[""X-Cybrid-Signature""];
            if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(signature.ToString()), Encoding.UTF8.GetBytes(expected)))
            {
                return Results.Unauthorized();
            }

            return Results.Ok();
        });
    }
}";
            await WithStubs(source, fixedSource).RunAsync();
        }

        [Fact]
        public async Task MinimalApiHandlerMethod_TryGetValueAndBytes_IsReportedAndFixed()
        {
            const string source = @"using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

static class CybridWebhookEndpoint
{
    public static async Task<IResult> HandleAsync(HttpRequest request, byte[] signingKey)
    {
        if (!request.Headers.TryGetValue(""X-Cybrid-Signature"", out var header))
        {
            return Results.BadRequest();
        }

        using var hmac = new HMACSHA256(signingKey);
        var computed = await hmac.ComputeHashAsync(request.Body);
        var received = Convert.FromHexString(header.ToString());
        return {|CYB0003:received.SequenceEqual(computed)|} ? Results.Ok() : Results.Unauthorized();
    }
}";
            const string fixedSource = @"using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

static class CybridWebhookEndpoint
{
    public static async Task<IResult> HandleAsync(HttpRequest request, byte[] signingKey)
    {
        if (!request.Headers.TryGetValue(""X-Cybrid-Signature"", out var header))
        {
            return Results.BadRequest();
        }

        using var hmac = new HMACSHA256(signingKey);
        var computed = await hmac.ComputeHashAsync(request.Body);
        var received = Convert.FromHexString(header.ToString());
        return CryptographicOperations.FixedTimeEquals(received, computed) ? Results.Ok() : Results.Unauthorized();
    }
}";
            await WithStubs(source, fixedSource).RunAsync();
        }

        // ---- the fix's operands ----------------------------------------------------------------------------------

        [Fact]
        public async Task SpansAndMemory_ArePassedWithoutConversion()
        {
            const string source = @"
using System;
using System.Security.Cryptography;

class C
{
    bool M(byte[] key, byte[] body, ReadOnlySpan<byte> received, ReadOnlyMemory<byte> receivedMemory)
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(key, body, mac);
        var a = {|CYB0003:mac.SequenceEqual(received)|};
        var b = {|CYB0003:receivedMemory.Span.SequenceEqual(mac)|};
        var c = {|CYB0003:HMACSHA256.HashData(key, body).AsMemory().Equals(receivedMemory)|};
        return a && b && c;
    }
}";
            const string fixedSource = @"
using System;
using System.Security.Cryptography;

class C
{
    bool M(byte[] key, byte[] body, ReadOnlySpan<byte> received, ReadOnlyMemory<byte> receivedMemory)
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(key, body, mac);
        var a = CryptographicOperations.FixedTimeEquals(mac, received);
        var b = CryptographicOperations.FixedTimeEquals(receivedMemory.Span, mac);
        var c = CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(key, body).AsMemory().Span, receivedMemory.Span);
        return a && b && c;
    }
}";
            await WithStubs(source, fixedSource).RunAsync();
        }

        [Fact]
        public async Task UsingsInsideNamespace_GetTheNewOnesInOrder()
        {
            const string source = @"// Copyright Acme
namespace Acme
{
    using Microsoft.AspNetCore.Http;
    using Zeta;

    class C
    {
        bool M(HttpRequest request, string computedHex) => {|CYB0003:request.Headers[""X-Cybrid-Signature""] == computedHex|};
    }
}

namespace Zeta { class Z { } }";
            const string fixedSource = @"// Copyright Acme
namespace Acme
{
    using System.Security.Cryptography;
    using System.Text;
    using Microsoft.AspNetCore.Http;
    using Zeta;

    class C
    {
        bool M(HttpRequest request, string computedHex) => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(request.Headers[""X-Cybrid-Signature""].ToString()), Encoding.UTF8.GetBytes(computedHex));
    }
}

namespace Zeta { class Z { } }";
            await WithStubs(source, fixedSource).RunAsync();
        }

        [Fact]
        public async Task FileWithNoUsingAtAll_GetsUsingsAboveItsCode()
        {
            const string source = @"// Copyright Acme
class C
{
    bool M(string signature, string computedHex) => {|CYB0003:signature == computedHex|};
}";
            const string fixedSource = @"// Copyright Acme
using System.Security.Cryptography;
using System.Text;

class C
{
    bool M(string signature, string computedHex) => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(signature), Encoding.UTF8.GetBytes(computedHex));
}";
            await WithStubs(source, fixedSource).RunAsync();
        }

        [Fact]
        public async Task TypeNamedEncodingInScope_UsesTheQualifiedName()
        {
            const string source = @"
using System.Security.Cryptography;

class Encoding { }

class C
{
    bool M(string signature, string computedHex) => {|CYB0003:signature == computedHex|};
}";
            const string fixedSource = @"
using System.Security.Cryptography;

class Encoding { }

class C
{
    bool M(string signature, string computedHex) => CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(signature), System.Text.Encoding.UTF8.GetBytes(computedHex));
}";
            await WithStubs(source, fixedSource).RunAsync();
        }

        [Theory]
        [InlineData("return {|CYB0003:string.Equals(provided, expected, comparison)|};")]
        [InlineData("return {|CYB0003:string.Equals(b: provided, a: expected)|};")]
        [InlineData("return {|CYB0003:computed.SequenceEqual(Convert.FromHexString(provided), EqualityComparer<byte>.Default)|};")]
        [InlineData("return {|CYB0003:string.Compare(provided, 0, expected, 0, 64) == 0|};")]
        [InlineData("return {|CYB0003:comparer.Equals(provided, expected)|};")]
        [InlineData("return {|CYB0003:computed.ToList().SequenceEqual(Convert.FromHexString(provided))|};")]
        [InlineData("return provided?{|CYB0003:.Equals(expected)|} == true;")]
        public async Task ComparisonWhoseMeaningTheFixCannotKeep_IsReportedWithoutFix(string body)
        {
            var source = Receiver(body)
                .Replace("using System;", "using System;\nusing System.Collections.Generic;")
                .Replace("byte[] body)", "byte[] body, StringComparison comparison, StringComparer comparer)");
            await WithStubs(source, source).RunAsync();
        }

        // ---- message --------------------------------------------------------------------------------------------

        [Fact]
        public async Task Message_NamesTheComparisonAndTheEvidence()
        {
            var test = WithStubs(Neutral(@"if ({|#0:request.Headers[""X-Cybrid-Signature""] == text|}) { }
        if ({|#1:Convert.ToHexString(HMACSHA256.HashData(key, data)).Equals(text)|}) { }
        var expectedSignature = text.Trim();
        if ({|#2:string.Compare(expectedSignature, text, StringComparison.Ordinal) != 0|}) { }"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.CYB0003_NonConstantTimeSignatureComparison).WithLocation(0)
                .WithArguments("==", "the X-Cybrid-Signature header value"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.CYB0003_NonConstantTimeSignatureComparison).WithLocation(1)
                .WithArguments("Equals", "an HMAC value"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.CYB0003_NonConstantTimeSignatureComparison).WithLocation(2)
                .WithArguments("string.Compare(…) != 0", "'expectedSignature' (named like a signature)"));
            await test.RunAsync();
        }

        // ---- frameworks, language versions, Fix All ---------------------------------------------------------

        [Fact]
        public async Task NetStandard20_IsReportedWithoutFix()
        {
            const string source = @"
using System;
using System.Security.Cryptography;
using System.Text;

public static class WebhookVerifier
{
    public static bool IsValid(string body, string signature, byte[] key)
    {
        using (var hmac = new HMACSHA256(key))
        {
            var computed = BitConverter.ToString(hmac.ComputeHash(Encoding.UTF8.GetBytes(body))).Replace(""-"", """").ToLowerInvariant();
            return {|CYB0003:computed == signature|};
        }
    }
}";
            await new Verify.Test
            {
                TestCode = source,
                FixedCode = source,
                ReferenceAssemblies = Verifiers.TestReferences.NetStandard20,
                LanguageVersion = LanguageVersion.CSharp7_3,
            }.RunAsync();
        }

        [Fact]
        public async Task CSharp73_IsReportedAndFixed()
        {
            const string source = @"
using System;
using System.Linq;
using System.Security.Cryptography;

public static class WebhookVerifier
{
    public static bool IsValid(byte[] body, string header, byte[] key)
    {
        using (var hmac = new HMACSHA256(key))
        {
            byte[] computed = hmac.ComputeHash(body);
            string hex = BitConverter.ToString(computed).Replace(""-"", """").ToLower();
            if (!{|CYB0003:string.Equals(hex, header, StringComparison.OrdinalIgnoreCase)|}) { return false; }
            return true;
        }
    }
}";
            const string fixedSource = @"
using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

public static class WebhookVerifier
{
    public static bool IsValid(byte[] body, string header, byte[] key)
    {
        using (var hmac = new HMACSHA256(key))
        {
            byte[] computed = hmac.ComputeHash(body);
            string hex = BitConverter.ToString(computed).Replace(""-"", """").ToLower();
            if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(hex.ToLowerInvariant()), Encoding.UTF8.GetBytes(header.ToLowerInvariant()))) { return false; }
            return true;
        }
    }
}";
            await new Verify.Test { TestCode = source, FixedCode = fixedSource, LanguageVersion = LanguageVersion.CSharp7_3 }.RunAsync();
        }

        [Fact]
        public async Task FixAll_RewritesEveryComparisonInSeveralDocuments()
        {
            var test = new Verify.Test();
            test.TestState.Sources.Add(("/A.cs", @"using System.Linq;

class A
{
    bool M(string signature, string other, byte[] mac, byte[] bytes)
        => {|CYB0003:signature == other|} && {|CYB0003:mac.SequenceEqual(bytes)|} && !{|CYB0003:other.Equals(signature)|};
}"));
            test.TestState.Sources.Add(("/B.cs", @"using System;

class B
{
    bool M(string expectedHmac, string received)
        => {|CYB0003:string.Compare(expectedHmac, received, StringComparison.OrdinalIgnoreCase) != 0|};
}"));
            test.FixedState.Sources.Add(("/A.cs", @"using System.Linq;
using System.Security.Cryptography;
using System.Text;

class A
{
    bool M(string signature, string other, byte[] mac, byte[] bytes)
        => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(signature), Encoding.UTF8.GetBytes(other)) && CryptographicOperations.FixedTimeEquals(mac, bytes) && !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(other), Encoding.UTF8.GetBytes(signature));
}"));
            test.FixedState.Sources.Add(("/B.cs", @"using System;
using System.Security.Cryptography;
using System.Text;

class B
{
    bool M(string expectedHmac, string received)
        => !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expectedHmac.ToLowerInvariant()), Encoding.UTF8.GetBytes(received.ToLowerInvariant()));
}"));
            await test.RunAsync();
        }

        // ---- suppression, generated code, absent types, broken code -------------------------------------------

        [Fact]
        public async Task PragmaAndSuppressMessage_AreHonored()
        {
            const string source = @"
using System.Diagnostics.CodeAnalysis;

class C
{
    bool M(string signature, string other)
    {
#pragma warning disable CYB0003 // compares a test vector, not a live signature
        return signature == other;
#pragma warning restore CYB0003
    }

    [SuppressMessage(""Security"", ""CYB0003:Signature compared in non-constant time"", Justification = ""test vector"")]
    bool N(string signature, string other) => signature == other;
}";
            await Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task SeverityNone_InEditorConfig_SilencesTheRule()
        {
            await new Verify.Test
            {
                TestCode = "class C { bool M(string signature, string other) => signature == other; }",
            }.WithEditorConfig("dotnet_diagnostic.CYB0003.severity = none").RunAsync();
        }

        [Fact]
        public async Task GeneratedCode_IsSkipped()
        {
            const string source = @"// <auto-generated/>
class Generated
{
    bool M(string signature, string other) => signature == other;
}";
            await Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task CompilationWithoutHmacTypes_IsNotAnalyzed()
        {
            // A core library of its own, without System.Security.Cryptography: the rule registers nothing.
            const string source = @"
namespace System
{
    public class Object { public virtual bool Equals(object other) => false; }
    public abstract class ValueType { }
    public struct Void { }
    public struct Boolean { }
    public struct Int32 { }
    public struct Char { }
    public struct Byte { }
    public class Attribute { }
    public abstract class Enum : ValueType { }
    public sealed class String
    {
        public static bool operator ==(string a, string b) => false;
        public static bool operator !=(string a, string b) => true;
        public static bool Equals(string a, string b) => false;
    }
}

class C
{
    bool M(string signature, string other) => signature == other || string.Equals(signature, other);
}";
            var test = new Verify.Test
            {
                TestCode = source,
                ReferenceAssemblies = new ReferenceAssemblies("custom"),
                CompilerDiagnostics = CompilerDiagnostics.None,
            };
            await test.RunAsync();

            var run = await Verifiers.AnalyzerRunner.RunAsync(new SignatureComparisonAnalyzer(), "class C { bool M(string signature, string other) => signature == other; }");
            Assert.Contains(run.Diagnostics, d => d.Id == RuleIdentifiers.NonConstantTimeSignatureComparison); // the same comparison with the real BCL is reported
        }

        [Theory]
        [InlineData("if (request.Headers[\"X-Cybrid-Signature\"] == ")]
        [InlineData("if (string.Equals(text, ")]
        [InlineData("var signature = request.Headers[\"X-Cybrid-Signature\"];\n        if (signature.SequenceEqual(")]
        [InlineData("if (string.Compare(text, Convert.ToHexString(HMACSHA256.HashData(key, data)) == ")]
        [InlineData("var mac = HMACSHA256.HashData(key, ); if (mac == bytes")]
        [InlineData("if (request.Headers.TryGetValue(\"X-Cybrid-Signature\", out var v) && v.Equals(")]
        [InlineData("var s = undefined.Headers[\"X-Cybrid-Signature\"]; if (s == text) { }")]
        public async Task HalfTypedCode_DoesNotCrash(string body)
        {
            var run = await Verifiers.AnalyzerRunner.RunAsync(
                ImmutableArrayOf(new SignatureComparisonAnalyzer()),
                new[] { ("/0/Test0.cs", Neutral(body)), ("/0/Stubs.cs", CYB0003AspNetCoreStubs.Source) });
            Assert.Empty(run.Exceptions);
            Assert.True(run.CompilerErrors > 0, "the input should not compile");
        }

        private static System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer> ImmutableArrayOf(Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer analyzer)
            => System.Collections.Immutable.ImmutableArray.Create(analyzer);
    }
}
