using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Cybrid.Analyzers.Rules;
using Cybrid.Analyzers.Tests.Stubs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = Cybrid.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    Cybrid.Analyzers.Rules.SecretWrittenToLogAnalyzer,
    Cybrid.Analyzers.CodeFixes.Rules.SecretWrittenToLogCodeFix>;

namespace Cybrid.Analyzers.Tests.Rules
{
    public class CYB0006_SecretWrittenToLogTests
    {
        private static readonly string[] AllStubs =
        {
            CYB0006LoggingStubs.MicrosoftLogging,
            CYB0006LoggingStubs.AspNetCore,
            CYB0006LoggingStubs.Serilog,
            CYB0006LoggingStubs.NLog,
            CYB0006LoggingStubs.Log4Net,
        };

        private const string Usings = @"using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
";

        private const string Types = @"

class TokenResponse
{
    public string AccessToken { get; set; }
    public string access_token { get; set; }
    public string TokenType { get; set; }
    public string token_type { get; set; }
    public int ExpiresIn { get; set; }
    public int expires_in { get; set; }
    public string Scope { get; set; }
    public DateTime TokenExpiry { get; set; }
    public bool HasToken { get; set; }
}

class IdentityTokenDto
{
    [JsonPropertyName(""access_token"")]
    public string Value { get; set; }

    [JsonPropertyName(""token_type"")]
    public string Kind { get; set; }
}

record TokenRecord(string AccessToken, int ExpiresIn);

static class Secrets
{
    public static string Mask(string value) => ""***"";
    public static string Redact(object value) => ""***"";
}";

        private static string InMethod(string body, string usings = Usings) => usings + @"
class TokenClient
{
    private readonly ILogger<TokenClient> _logger;
    private readonly HttpClient _client;
    private readonly Serilog.ILogger _serilog;
    private readonly NLog.Logger _nlog;
    private readonly NLog.ILogger _nlogInterface;
    private readonly log4net.ILog _log4net;
    private string _clientSecret;

    async Task M(string token, string accessToken, HttpRequestMessage request, HttpResponseMessage reply, TokenResponse response,
                 HttpContext httpContext, CancellationToken cancellationToken)
    {
        " + body + @"
        await Task.CompletedTask;
    }

    string Fetch() => null;

    HttpRequestMessage CreateRequest() => new HttpRequestMessage(HttpMethod.Get, ""https://bank.sandbox.cybrid.app/api/prices"");
}" + Types;

        private static Verify.Test Analyze(string source)
        {
            var test = new Verify.Test { TestCode = source };
            foreach (var stub in AllStubs)
            {
                test.TestState.Sources.Add(stub);
            }

            return test;
        }

        private static Verify.Test Fix(string source, string fixedSource)
            => new Verify.Test { TestCode = source, FixedCode = fixedSource }.WithSources(AllStubs);

        // ---- every sink --------------------------------------------------------------------------------------

        [Fact]
        public async Task LogInformation_TokenTemplateArgument_IsReplacedInPlace()
        {
            await Fix(
                InMethod("_logger.LogInformation(\"Got {Token} for {Customer}\", {|CYB0006:accessToken|}, \"c-1\");"),
                InMethod("_logger.LogInformation(\"Got {Token} for {Customer}\", \"[REDACTED]\", \"c-1\");")).RunAsync();
        }

        [Theory]
        [InlineData("_logger.LogTrace(\"t {T}\", {|CYB0006:token|});", "_logger.LogTrace(\"t {T}\", \"[REDACTED]\");")]
        [InlineData("_logger.LogDebug(\"t {T}\", {|CYB0006:token|});", "_logger.LogDebug(\"t {T}\", \"[REDACTED]\");")]
        [InlineData("_logger.LogWarning(\"t {T}\", {|CYB0006:token|});", "_logger.LogWarning(\"t {T}\", \"[REDACTED]\");")]
        [InlineData("_logger.LogError(new Exception(), \"t {T}\", {|CYB0006:token|});", "_logger.LogError(new Exception(), \"t {T}\", \"[REDACTED]\");")]
        [InlineData("_logger.LogCritical(\"t {T}\", {|CYB0006:token|});", "_logger.LogCritical(\"t {T}\", \"[REDACTED]\");")]
        [InlineData("_logger.Log(LogLevel.Information, \"t {T}\", {|CYB0006:token|});", "_logger.Log(LogLevel.Information, \"t {T}\", \"[REDACTED]\");")]
        [InlineData("_logger.LogInformation({|CYB0006:token|});", "_logger.LogInformation(\"[REDACTED]\");")]
        [InlineData("using (_logger.BeginScope(\"Token {T}\", {|CYB0006:token|})) { }", "using (_logger.BeginScope(\"Token {T}\", \"[REDACTED]\")) { }")]
        [InlineData("using (_logger.BeginScope({|CYB0006:accessToken|})) { }", "using (_logger.BeginScope(\"[REDACTED]\")) { }")]
        [InlineData("_logger.LogInformation(\"t {T}\", new object[] { 1, {|CYB0006:token|} });", "_logger.LogInformation(\"t {T}\", new object[] { 1, \"[REDACTED]\" });")]
        public async Task MicrosoftLogging_EveryMethod_IsReportedAndFixed(string body, string fixedBody)
        {
            await Fix(InMethod(body), InMethod(fixedBody)).RunAsync();
        }

        [Fact]
        public async Task ILoggerLog_StateWithTypedFormatter_IsReportedWithoutFix()
        {
            // a string state would no longer match the Func<TState, …> formatter's meaning: no fix is offered
            var source = InMethod("_logger.Log(LogLevel.Information, 0, {|CYB0006:response|}, null, (s, e) => s.Scope);");
            await Fix(source, source).RunAsync();
        }

        [Theory]
        [InlineData("Console.WriteLine({|CYB0006:token|});", "Console.WriteLine(\"[REDACTED]\");")]
        [InlineData("Console.Write(\"token: {0}\", {|CYB0006:accessToken|});", "Console.Write(\"token: {0}\", \"[REDACTED]\");")]
        [InlineData("Console.Out.WriteLine({|CYB0006:token|});", "Console.Out.WriteLine(\"[REDACTED]\");")]
        [InlineData("await Console.Error.WriteLineAsync({|CYB0006:token|});", "await Console.Error.WriteLineAsync(\"[REDACTED]\");")]
        [InlineData("Debug.WriteLine({|CYB0006:token|});", "Debug.WriteLine(\"[REDACTED]\");")]
        [InlineData("Debug.Write({|CYB0006:token|}, \"auth\");", "Debug.Write(\"[REDACTED]\", \"auth\");")]
        [InlineData("Debug.Print({|CYB0006:token|});", "Debug.Print(\"[REDACTED]\");")]
        [InlineData("Debug.WriteLineIf(token != null, $\"token {{|CYB0006:token|}}\");", "Debug.WriteLineIf(token != null, $\"token [REDACTED]\");")]
        [InlineData("Trace.WriteLine({|CYB0006:token|});", "Trace.WriteLine(\"[REDACTED]\");")]
        [InlineData("Trace.TraceInformation(\"token {0}\", {|CYB0006:token|});", "Trace.TraceInformation(\"token {0}\", \"[REDACTED]\");")]
        [InlineData("Trace.TraceWarning({|CYB0006:token|});", "Trace.TraceWarning(\"[REDACTED]\");")]
        [InlineData("Trace.TraceError(\"token {0}\", {|CYB0006:token|});", "Trace.TraceError(\"token {0}\", \"[REDACTED]\");")]
        public async Task ConsoleDebugTrace_AreReportedAndFixed(string body, string fixedBody)
        {
            await Fix(InMethod(body), InMethod(fixedBody)).RunAsync();
        }

        [Theory]
        [InlineData("Serilog.Log.Information(\"Token {Token}\", {|CYB0006:token|});", "Serilog.Log.Information(\"Token {Token}\", \"[REDACTED]\");")]
        [InlineData("_serilog.Warning(\"Token {@Token}\", {|CYB0006:response.AccessToken|});", "_serilog.Warning(\"Token {@Token}\", \"[REDACTED]\");")]
        [InlineData("_serilog.Error(new Exception(), \"Token {Token} {N}\", {|CYB0006:token|}, 1);", "_serilog.Error(new Exception(), \"Token {Token} {N}\", \"[REDACTED]\", 1);")]
        [InlineData("_serilog.Write(Serilog.Events.LogEventLevel.Debug, \"Token {T}\", {|CYB0006:token|});", "_serilog.Write(Serilog.Events.LogEventLevel.Debug, \"Token {T}\", \"[REDACTED]\");")]
        [InlineData("Serilog.Log.ForContext(\"Auth\", {|CYB0006:request.Headers.Authorization|}).Information(\"call\");", "Serilog.Log.ForContext(\"Auth\", \"[REDACTED]\").Information(\"call\");")]
        [InlineData("using (Serilog.Context.LogContext.PushProperty(\"Bearer\", {|CYB0006:token|})) { }", "using (Serilog.Context.LogContext.PushProperty(\"Bearer\", \"[REDACTED]\")) { }")]
        [InlineData("_nlog.Info(\"Token {Token}\", {|CYB0006:token|});", "_nlog.Info(\"Token {Token}\", \"[REDACTED]\");")]
        [InlineData("_nlogInterface.Debug(\"Token {Token}\", {|CYB0006:token|});", "_nlogInterface.Debug(\"Token {Token}\", \"[REDACTED]\");")]
        [InlineData("_nlog.Log(NLog.LogLevel.Warn, \"Token {Token}\", {|CYB0006:token|});", "_nlog.Log(NLog.LogLevel.Warn, \"Token {Token}\", \"[REDACTED]\");")]
        [InlineData("_nlog.Fatal(new Exception(), \"Token {0}\", {|CYB0006:token|});", "_nlog.Fatal(new Exception(), \"Token {0}\", \"[REDACTED]\");")]
        [InlineData("_log4net.Info({|CYB0006:token|});", "_log4net.Info(\"[REDACTED]\");")]
        [InlineData("_log4net.Error(\"token \" + {|CYB0006:token|}, new Exception());", "_log4net.Error(\"token \" + \"[REDACTED]\", new Exception());")]
        [InlineData("_log4net.WarnFormat(\"token {0}\", {|CYB0006:token|});", "_log4net.WarnFormat(\"token {0}\", \"[REDACTED]\");")]
        public async Task SerilogNLogLog4Net_AreReportedAndFixed(string body, string fixedBody)
        {
            await Fix(InMethod(body), InMethod(fixedBody)).RunAsync();
        }

        [Fact]
        public async Task LoggerMessageMethod_TokenArgument_IsReportedAndFixed()
        {
            const string source = Usings + @"
static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = ""Issued {Token} for {Customer}"")]
    public static partial void TokenIssued(ILogger logger, string token, string customer);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = ""Headers {Headers}"")]
    public static partial void Sending(ILogger logger, HttpRequestHeaders headers);
}

static partial class Log
{
    public static partial void TokenIssued(ILogger logger, string token, string customer) { }
    public static partial void Sending(ILogger logger, HttpRequestHeaders headers) { }
}

class C
{
    void M(ILogger logger, TokenResponse response, HttpRequestMessage request)
    {
        Log.TokenIssued(logger, {|CYB0006:response.AccessToken|}, ""c-1"");
        Log.TokenIssued(logger, {|CYB0006:Fetch()|}, ""c-1"");
        Log.TokenIssued(logger, Secrets.Mask(response.AccessToken), ""c-1"");
        Log.Sending(logger, {|CYB0006:request.Headers|});
    }

    string Fetch() => null;
}" + Types;
            const string fixedSource = Usings + @"
static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = ""Issued {Token} for {Customer}"")]
    public static partial void TokenIssued(ILogger logger, string token, string customer);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = ""Headers {Headers}"")]
    public static partial void Sending(ILogger logger, HttpRequestHeaders headers);
}

static partial class Log
{
    public static partial void TokenIssued(ILogger logger, string token, string customer) { }
    public static partial void Sending(ILogger logger, HttpRequestHeaders headers) { }
}

class C
{
    void M(ILogger logger, TokenResponse response, HttpRequestMessage request)
    {
        Log.TokenIssued(logger, ""[REDACTED]"", ""c-1"");
        Log.TokenIssued(logger, ""[REDACTED]"", ""c-1"");
        Log.TokenIssued(logger, Secrets.Mask(response.AccessToken), ""c-1"");
        Log.Sending(logger, {|CYB0006:request.Headers|});
    }

    string Fetch() => null;
}" + Types;
            // a HttpRequestHeaders parameter cannot take a string: that finding stays, without a fix
            var test = Fix(source, fixedSource);
            test.FixedState.MarkupHandling = MarkupMode.Allow;
            await test.RunAsync();
        }

        // ---- Authorization headers and header collections -----------------------------------------------------

        [Theory]
        [InlineData("_logger.LogDebug(\"Auth {A}\", {|CYB0006:request.Headers.Authorization|});", "_logger.LogDebug(\"Auth {A}\", \"[REDACTED]\");")]
        [InlineData("_logger.LogDebug(\"Auth {A}\", {|CYB0006:request.Headers.Authorization.Parameter|});", "_logger.LogDebug(\"Auth {A}\", \"[REDACTED]\");")]
        [InlineData("_logger.LogDebug(\"Auth {A}\", {|CYB0006:request.Headers.Authorization.ToString()|});", "_logger.LogDebug(\"Auth {A}\", \"[REDACTED]\");")]
        [InlineData("_logger.LogDebug(\"Auth {A}\", {|CYB0006:_client.DefaultRequestHeaders.Authorization|});", "_logger.LogDebug(\"Auth {A}\", \"[REDACTED]\");")]
        [InlineData("_logger.LogDebug(\"Auth {A}\", {|CYB0006:request.Headers.Authorization?.Parameter|});", "_logger.LogDebug(\"Auth {A}\", \"[REDACTED]\");")]
        [InlineData("_logger.LogDebug(\"Auth {A}\", {|CYB0006:httpContext.Request.Headers[\"Authorization\"]|});", "_logger.LogDebug(\"Auth {A}\", \"[REDACTED]\");")]
        [InlineData("_logger.LogDebug(\"Auth {A}\", {|CYB0006:httpContext.Request.Headers[\"authorization\"]|});", "_logger.LogDebug(\"Auth {A}\", \"[REDACTED]\");")]
        [InlineData("_logger.LogDebug(\"Auth {A}\", {|CYB0006:httpContext.Request.Headers.Authorization|});", "_logger.LogDebug(\"Auth {A}\", \"[REDACTED]\");")]
        [InlineData("_logger.LogDebug(\"Key {A}\", {|CYB0006:httpContext.Request.Headers[\"X-Api-Key\"]|});", "_logger.LogDebug(\"Key {A}\", \"[REDACTED]\");")]
        [InlineData("_logger.LogDebug(\"Auth {A}\", string.Join(\",\", {|CYB0006:request.Headers.GetValues(\"Authorization\")|}));", "_logger.LogDebug(\"Auth {A}\", string.Join(\",\", \"[REDACTED]\"));")]
        [InlineData("_logger.LogDebug(\"Auth {A}\", {|CYB0006:request.Headers.GetValues(\"Authorization\").First()|});", "_logger.LogDebug(\"Auth {A}\", \"[REDACTED]\");")]
        public async Task AuthorizationHeader_IsReportedAndFixed(string body, string fixedBody)
        {
            await Fix(InMethod(body), InMethod(fixedBody)).RunAsync();
        }

        [Theory]
        [InlineData("_logger.LogDebug(\"Headers {H}\", {|CYB0006:request.Headers|});", "_logger.LogDebug(\"Headers {H}\", \"[REDACTED]\");")]
        [InlineData("_logger.LogDebug(\"Headers {H}\", {|CYB0006:_client.DefaultRequestHeaders|});", "_logger.LogDebug(\"Headers {H}\", \"[REDACTED]\");")]
        [InlineData("Console.WriteLine({|CYB0006:request.Headers.ToString()|});", "Console.WriteLine(\"[REDACTED]\");")]
        [InlineData("_logger.LogDebug(\"Headers {H}\", {|CYB0006:httpContext.Request.Headers|});", "_logger.LogDebug(\"Headers {H}\", \"[REDACTED]\");")]
        [InlineData("HttpHeaders all = request.Headers; Console.WriteLine({|CYB0006:all|});", "HttpHeaders all = request.Headers; Console.WriteLine(\"[REDACTED]\");")]
        [InlineData("var headers = httpContext.Request.Headers; _logger.LogDebug(\"{H}\", {|CYB0006:headers|});", "var headers = httpContext.Request.Headers; _logger.LogDebug(\"{H}\", \"[REDACTED]\");")]
        public async Task WholeHeaderCollection_IsReportedAndFixed(string body, string fixedBody)
        {
            await Fix(InMethod(body), InMethod(fixedBody)).RunAsync();
        }

        // ---- whole requests ----------------------------------------------------------------------------------

        [Theory]
        [InlineData("_logger.LogDebug(\"Sending {Request}\", {|CYB0006:request|});", "_logger.LogDebug(\"Sending {Request}\", $\"{request.Method} {request.RequestUri}\");")]
        [InlineData("_logger.LogDebug($\"Sending {{|CYB0006:request|}} now\");", "_logger.LogDebug($\"Sending {request.Method} {request.RequestUri} now\");")]
        [InlineData("Console.WriteLine(\"Sending \" + {|CYB0006:request.ToString()|});", "Console.WriteLine(\"Sending \" + $\"{request.Method} {request.RequestUri}\");")]
        [InlineData("Console.WriteLine({|CYB0006:reply.RequestMessage|});", "Console.WriteLine($\"{reply.RequestMessage.Method} {reply.RequestMessage.RequestUri}\");")]
        [InlineData("Console.WriteLine({|CYB0006:CreateRequest()|});", "Console.WriteLine(\"[REDACTED]\");")]
        [InlineData("using (_logger.BeginScope(new { {|CYB0006:request|} })) { }", "using (_logger.BeginScope(new { request = $\"{request.Method} {request.RequestUri}\" })) { }")]
        public async Task WholeRequest_IsReplacedByMethodAndUri(string body, string fixedBody)
        {
            await Fix(InMethod(body), InMethod(fixedBody)).RunAsync();
        }

        [Fact]
        public async Task WholeRequest_InRawInterpolatedString_IsSplitIntoTwoHoles()
        {
            // ($$ is caret markup for the test library, so the raw string here uses a single $)
            await Fix(
                InMethod("Console.WriteLine($\"\"\"\n            sending \"{{|CYB0006:request|}}\"\n            \"\"\");"),
                InMethod("Console.WriteLine($\"\"\"\n            sending \"{request.Method} {request.RequestUri}\"\n            \"\"\");")).RunAsync();
        }

        // ---- token responses ---------------------------------------------------------------------------------

        [Theory]
        [InlineData("_logger.LogInformation(\"Token {T}\", {|CYB0006:response.AccessToken|});", "_logger.LogInformation(\"Token {T}\", \"[REDACTED]\");")]
        [InlineData("_logger.LogInformation(\"Token {T}\", {|CYB0006:response.access_token|});", "_logger.LogInformation(\"Token {T}\", \"[REDACTED]\");")]
        [InlineData("_logger.LogInformation(\"Token {T}\", {|CYB0006:new IdentityTokenDto().Value|});", "_logger.LogInformation(\"Token {T}\", \"[REDACTED]\");")]
        [InlineData("_logger.LogInformation(\"Token {T}\", {|CYB0006:response?.AccessToken|});", "_logger.LogInformation(\"Token {T}\", \"[REDACTED]\");")]
        [InlineData("_logger.LogInformation(\"Token {@T}\", {|CYB0006:response|});", "_logger.LogInformation(\"Token {@T}\", \"[REDACTED]\");")]
        [InlineData("Console.WriteLine($\"Got {{|CYB0006:new TokenRecord(token, 1)|}}\");", "Console.WriteLine($\"Got [REDACTED]\");")]
        public async Task TokenResponse_AccessToken_IsReportedAndFixed(string body, string fixedBody)
        {
            await Fix(InMethod(body), InMethod(fixedBody)).RunAsync();
        }

        [Theory]
        [InlineData("_logger.LogInformation(\"Expires in {E}s\", response.ExpiresIn);")]
        [InlineData("_logger.LogInformation(\"Expires in {E}s\", response.expires_in);")]
        [InlineData("_logger.LogInformation(\"Type {T}\", response.TokenType);")]
        [InlineData("_logger.LogInformation(\"Type {T}\", response.token_type);")]
        [InlineData("_logger.LogInformation(\"Type {T}\", new IdentityTokenDto().Kind);")]
        [InlineData("_logger.LogInformation(\"Scopes {S}\", response.Scope);")]
        [InlineData("_logger.LogInformation(\"Expiry {E}\", response.TokenExpiry);")]
        [InlineData("_logger.LogInformation(\"Has token {H}\", response.HasToken);")]
        [InlineData("Console.WriteLine($\"Got {response}\");")]
        public async Task TokenResponse_Metadata_IsNotReported(string body)
        {
            await Analyze(InMethod(body)).RunAsync();
        }

        // ---- names -------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("var bearer = token;")]
        [InlineData("var jwt = token;")]
        [InlineData("var clientSecret = token;")]
        [InlineData("var signingKey = token;")]
        [InlineData("var refreshToken = token;")]
        [InlineData("var apiKey = token;")]
        [InlineData("var password = token;")]
        [InlineData("var CYBRID_CLIENT_SECRET = token;")]
        [InlineData("var webhook_signing_key = token;")]
        [InlineData("var customerTokens = new[] { token };")]
        public async Task SecretNamedLocal_IsReported(string declaration)
        {
            var name = declaration.Substring(4, declaration.IndexOf(' ', 4) - 4);
            await Analyze(InMethod(declaration + "\n        _logger.LogInformation(\"value {V}\", {|CYB0006:" + name + "|});")).RunAsync();
        }

        [Fact]
        public async Task TextWriterMethod_IsASinkOnlyOnConsoleWriters_WhicheverCallIsSeenFirst()
        {
            // all three calls bind to the one TextWriter.WriteLine(string): the sink cache is per method, so the
            // receiver (Console.Out or another writer) must still be decided per call
            await Analyze(InMethod(
                "System.IO.TextWriter writer = new System.IO.StringWriter();\n        writer.WriteLine(token);\n"
                + "        Console.Out.WriteLine({|CYB0006:token|});\n        writer.WriteLine(token);")).RunAsync();
        }

        [Fact]
        public async Task SecretNamedFieldAndParameter_AreReported()
        {
            await Analyze(InMethod("Console.WriteLine({|CYB0006:_clientSecret|});\n        Console.WriteLine({|CYB0006:accessToken|});")).RunAsync();
        }

        // ---- containers: interpolation, concatenation, string.Format, anonymous objects, arrays -----------------

        [Theory]
        [InlineData("_logger.LogInformation($\"Token {{|CYB0006:token|}} ok\");", "_logger.LogInformation($\"Token [REDACTED] ok\");")]
        [InlineData("_logger.LogInformation($@\"Token {{|CYB0006:token|},10} ok\");", "_logger.LogInformation($@\"Token [REDACTED] ok\");")]
        [InlineData("_logger.LogInformation(\"Bearer \" + {|CYB0006:token|} + \" sent\");", "_logger.LogInformation(\"Bearer \" + \"[REDACTED]\" + \" sent\");")]
        [InlineData("_logger.LogInformation(string.Format(\"Bearer {0}\", {|CYB0006:token|}));", "_logger.LogInformation(string.Format(\"Bearer {0}\", \"[REDACTED]\"));")]
        [InlineData("_logger.LogInformation(string.Concat(\"Bearer \", {|CYB0006:token|}));", "_logger.LogInformation(string.Concat(\"Bearer \", \"[REDACTED]\"));")]
        [InlineData("using (_logger.BeginScope(new { Customer = \"c-1\", Token = {|CYB0006:token|} })) { }", "using (_logger.BeginScope(new { Customer = \"c-1\", Token = \"[REDACTED]\" })) { }")]
        [InlineData("using (_logger.BeginScope(new { {|CYB0006:accessToken|} })) { }", "using (_logger.BeginScope(new { accessToken = \"[REDACTED]\" })) { }")]
        [InlineData("using (_logger.BeginScope(new Dictionary<string, object> { [\"Token\"] = {|CYB0006:token|} })) { }", "using (_logger.BeginScope(new Dictionary<string, object> { [\"Token\"] = \"[REDACTED]\" })) { }")]
        [InlineData("Console.WriteLine(\"{0} {1}\", new object[] { \"a\", {|CYB0006:token|} });", "Console.WriteLine(\"{0} {1}\", new object[] { \"a\", \"[REDACTED]\" });")]
        [InlineData("Console.WriteLine(token == null ? \"none\" : {|CYB0006:token|});", "Console.WriteLine(token == null ? \"none\" : \"[REDACTED]\");")]
        [InlineData("Console.WriteLine({|CYB0006:token|} ?? \"none\");", "Console.WriteLine(\"[REDACTED]\" ?? \"none\");")]
        [InlineData("_logger.LogError(new InvalidOperationException(\"bad token \" + {|CYB0006:token|}), \"failed\");", "_logger.LogError(new InvalidOperationException(\"bad token \" + \"[REDACTED]\"), \"failed\");")]
        public async Task TokenInsideAComposedValue_IsReportedAndFixed(string body, string fixedBody)
        {
            await Fix(InMethod(body), InMethod(fixedBody)).RunAsync();
        }

        [Fact]
        public async Task SeveralTokensInOneInterpolation_AreAllFolded()
        {
            await Fix(
                InMethod("Console.WriteLine($\"{{|CYB0006:token|}}/{{|CYB0006:accessToken|}}/{response.ExpiresIn}\");"),
                InMethod("Console.WriteLine($\"[REDACTED]/[REDACTED]/{response.ExpiresIn}\");")).RunAsync();
        }

        // ---- locals ------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("var header = request.Headers.Authorization;\n        _logger.LogDebug(\"h {H}\", {|CYB0006:header|});", "var header = request.Headers.Authorization;\n        _logger.LogDebug(\"h {H}\", \"[REDACTED]\");")]
        [InlineData("var value = response.AccessToken;\n        var line = \"Bearer \" + value;\n        Console.WriteLine({|CYB0006:line|});", "var value = response.AccessToken;\n        var line = \"Bearer \" + value;\n        Console.WriteLine(\"[REDACTED]\");")]
        [InlineData("string raw = null;\n        raw = httpContext.Request.Headers[\"Authorization\"];\n        Console.WriteLine({|CYB0006:raw|});", "string raw = null;\n        raw = httpContext.Request.Headers[\"Authorization\"];\n        Console.WriteLine(\"[REDACTED]\");")]
        [InlineData("if (request.Headers.TryGetValues(\"Authorization\", out var values)) Console.WriteLine(string.Join(\",\", {|CYB0006:values|}));", "if (request.Headers.TryGetValues(\"Authorization\", out var values)) Console.WriteLine(string.Join(\",\", \"[REDACTED]\"));")]
        [InlineData("foreach (var v in request.Headers.GetValues(\"Authorization\")) Console.WriteLine({|CYB0006:v|});", "foreach (var v in request.Headers.GetValues(\"Authorization\")) Console.WriteLine(\"[REDACTED]\");")]
        public async Task ValueReachingTheLogThroughALocal_IsReportedAndFixed(string body, string fixedBody)
        {
            await Fix(InMethod(body), InMethod(fixedBody)).RunAsync();
        }

        [Fact]
        public async Task AspNetCoreTryGetValue_OutLocal_IsReported()
        {
            await Fix(
                InMethod("if (httpContext.Request.Headers.TryGetValue(\"Authorization\", out var auth)) _logger.LogDebug(\"auth {A}\", {|CYB0006:auth|});"),
                InMethod("if (httpContext.Request.Headers.TryGetValue(\"Authorization\", out var auth)) _logger.LogDebug(\"auth {A}\", \"[REDACTED]\");")).RunAsync();
        }

        [Theory]
        [InlineData("Console.WriteLine({|CYB0006:Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(_clientSecret))|});")]
        [InlineData("Console.WriteLine({|CYB0006:System.Text.Json.JsonSerializer.Serialize(response)|});")]
        [InlineData("Console.WriteLine({|CYB0006:accessToken.Trim().ToUpperInvariant()|});")]
        [InlineData("_logger.LogInformation(\"Calling {U}\", new Uri(\"https://bank.sandbox.cybrid.app/api/prices?access_token=\" + {|CYB0006:accessToken|}));")]
        [InlineData("_logger.LogDebug(\"Proxy {P}\", {|CYB0006:httpContext.Request.Headers[\"Proxy-Authorization\"]|});")]
        [InlineData("var secret = Environment.GetEnvironmentVariable(\"CYBRID_CLIENT_SECRET\"); Console.WriteLine({|CYB0006:secret|});")]
        [InlineData("Console.WriteLine({|CYB0006:Environment.GetEnvironmentVariable(\"CYBRID_CLIENT_SECRET\")|});")]
        [InlineData("Debug.Fail({|CYB0006:token|});")]
        [InlineData("Trace.Fail(\"auth failed for \" + {|CYB0006:request.Headers.Authorization|});")]
        public async Task RecodedOrLookedUpSecrets_AreReported(string body)
        {
            await Analyze(InMethod(body)).RunAsync();
        }

        [Fact]
        public async Task SerializedTokenNames_FromEverySerializer_AreRecognised()
        {
            const string source = Usings + @"
using System.Runtime.Serialization;

namespace Newtonsoft.Json
{
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class JsonPropertyAttribute : Attribute
    {
        public JsonPropertyAttribute(string propertyName) { PropertyName = propertyName; }
        public string PropertyName { get; set; }
    }
}

[DataContract]
class ContractToken
{
    [DataMember(Name = ""refresh_token"")]
    public string Renewal { get; set; }

    [DataMember(Name = ""expires_in"")]
    public int Lifetime { get; set; }
}

class NewtonsoftToken
{
    [Newtonsoft.Json.JsonProperty(""access_token"")]
    public string Value;
}

class C
{
    void M(ILogger logger, ContractToken contract, NewtonsoftToken legacy)
    {
        logger.LogInformation(""{R} {L} {V}"", {|CYB0006:contract.Renewal|}, contract.Lifetime, {|CYB0006:legacy.Value|});
    }
}";
            await Analyze(source).RunAsync();
        }

        [Fact]
        public async Task LocalReassignedToAMaskedValue_IsNotReported()
        {
            await Analyze(InMethod("var shown = Secrets.Mask(accessToken);\n        _logger.LogInformation(\"Token {Shown}\", shown);")).RunAsync();
        }

        // ---- template placeholders -----------------------------------------------------------------------------

        [Fact]
        public async Task PlaceholderNamedLikeAToken_ReportsItsArgument()
        {
            await Fix(
                InMethod("_logger.LogInformation(\"Got {AccessToken} for {Customer}\", {|CYB0006:Fetch()|}, Fetch());"),
                InMethod("_logger.LogInformation(\"Got {AccessToken} for {Customer}\", \"[REDACTED]\", Fetch());"))
                .RunAsync();
        }

        // ---- not flagged -------------------------------------------------------------------------------------

        [Theory]
        [InlineData("_logger.LogInformation(\"Token length {L}\", token.Length);")]
        [InlineData("_logger.LogInformation(\"Token length {L}\", token?.Length);")]
        [InlineData("_logger.LogInformation(\"Has token {H}\", !string.IsNullOrEmpty(token));")]
        [InlineData("_logger.LogInformation(\"Has token {H}\", string.IsNullOrEmpty(accessToken));")]
        [InlineData("_logger.LogInformation(\"Missing {Name}\", nameof(accessToken));")]
        [InlineData("_logger.LogInformation($\"Missing {nameof(response.AccessToken)}\");")]
        [InlineData("_logger.LogInformation(\"Token {T}\", Secrets.Mask(token));")]
        [InlineData("_logger.LogInformation(\"Token {T}\", Secrets.Redact(request));")]
        [InlineData("Console.WriteLine($\"Token {Secrets.Mask(response.AccessToken)}\");")]
        [InlineData("_logger.LogInformation(\"Status {S}\", reply.StatusCode);")]
        [InlineData("_logger.LogInformation(\"Status {S}\", (int)reply.StatusCode);")]
        [InlineData("_logger.LogInformation(\"Calling {Method} {Uri}\", request.Method, request.RequestUri);")]
        [InlineData("_logger.LogInformation(\"Calling {Uri}\", new Uri(\"https://bank.sandbox.cybrid.app/api/quotes?page=2\"));")]
        [InlineData("_logger.LogInformation(\"Scheme {S}\", request.Headers.Authorization.Scheme);")]
        [InlineData("_logger.LogInformation(\"Reply headers {H}\", reply.Headers);")]
        [InlineData("_logger.LogInformation(\"Reply headers {H}\", httpContext.Response.Headers);")]
        [InlineData("_logger.LogInformation(\"Type {T}\", httpContext.Request.Headers[\"Content-Type\"]);")]
        [InlineData("_logger.LogInformation(\"Cancelled {C}\", cancellationToken);")]
        [InlineData("_logger.LogInformation(\"Cancelled {C}\", cancellationToken.IsCancellationRequested);")]
        [InlineData("_logger.LogInformation(\"Token {T}\", \"[REDACTED]\");")]
        [InlineData("var tokenUrl = \"https://id.sandbox.cybrid.app/oauth/token\"; _logger.LogInformation(\"Calling {U}\", tokenUrl);")]
        [InlineData("var maskedToken = Secrets.Mask(token); _logger.LogInformation(\"Token {T}\", maskedToken);")]
        [InlineData("var tokenKind = DateTimeKind.Utc; _logger.LogInformation(\"Kind {K}\", tokenKind);")]
        [InlineData("var customerGuid = \"c-1\"; _logger.LogInformation(\"Customer {C}\", customerGuid);")]
        [InlineData("_logger.LogInformation(\"Prefix {P}\", token.Substring(0, 4));")]
        [InlineData("_logger.LogInformation(\"Token expires {T}\", DateTime.UtcNow.AddSeconds(response.ExpiresIn));")]
        [InlineData("_logger.LogInformation(\"Next page {P}\", new { nextPageToken = \"abc\" }.nextPageToken);")]
        [InlineData("Console.WriteLine(token.GetHashCode());")]
        [InlineData("var headers = httpContext.Response.Headers; _logger.LogInformation(\"Reply headers {H}\", headers);")]
        [InlineData("HttpHeaders sent = reply.Headers; Console.WriteLine(sent);")]
        [InlineData("var secretName = \"cybrid-client-secret\"; _logger.LogInformation(\"Reading {S}\", secretName);")]
        [InlineData("var apiKeyId = Fetch(); _logger.LogInformation(\"Key id {K}\", apiKeyId);")]
        [InlineData("var passwordPolicy = Fetch(); _logger.LogInformation(\"Policy {P}\", passwordPolicy);")]
        [InlineData("var TokenEndpoint = Fetch(); _logger.LogInformation(\"Calling {E}\", TokenEndpoint);")]
        [InlineData("var continuationToken = Fetch(); _logger.LogInformation(\"Next {C}\", continuationToken);")]
        [InlineData("var redactedHeader = Secrets.Redact(request.Headers); Console.WriteLine(redactedHeader);")]
        [InlineData("Console.WriteLine(Secrets.Mask(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(token))));")]
        public async Task SafeValues_AreNotReported(string body)
        {
            await Analyze(InMethod(body)).RunAsync();
        }

        [Theory]
        [InlineData("Sanitize")]
        [InlineData("ScrubSecret")]
        [InlineData("Obfuscate")]
        [InlineData("HashForLog")]
        [InlineData("Fingerprint")]
        [InlineData("TruncateToken")]
        [InlineData("MaskBearer")]
        [InlineData("RedactHeader")]
        public async Task MaskingHelpers_AreTrustedWhateverTheirWording(string helper)
        {
            await Analyze(InMethod("string " + helper + "(object v) => \"***\";\n        _logger.LogInformation(\"{A} {B}\", " + helper + "(token), " + helper + "(request.Headers));\n        Console.WriteLine($\"{" + helper + "(accessToken)}\");")).RunAsync();
        }

        [Fact]
        public async Task OtherHelpers_AreNotTrusted_WhenTheyRecodeTheToken()
        {
            // a helper of your own is opaque (its result is not followed), unless the template names the value a token
            await Analyze(InMethod("string Shorten(string v) => v;\n        _logger.LogInformation(\"{Value}\", Shorten(token));\n        _logger.LogInformation(\"{BearerToken}\", {|CYB0006:Shorten(token)|});")).RunAsync();
        }

        [Fact]
        public async Task NamedConstant_IsLeftToTheHardCodedCredentialRule()
        {
            // a constant's value is in the source already; CYB0001 reports it there
            await Analyze(InMethod("const string Bearer = \"Bearer\";\n        Console.WriteLine(Bearer + \" \" + {|CYB0006:token|});")).RunAsync();
        }

        [Fact]
        public async Task LoggerNamedLikeAToken_IsNotALoggedValue()
        {
            const string source = Usings + @"
class C
{
    private readonly ILogger _tokenLogger;
    void M(int count) => _tokenLogger.LogInformation(""Refreshed {Count} tokens"", count);
}";
            await Analyze(source).RunAsync();
        }

        [Fact]
        public async Task LookAlikeLoggers_InOtherNamespaces_AreNotSinks()
        {
            const string source = @"
namespace MyApp
{
    static class Console { public static void WriteLine(string value) { } }
    class Logger { public void Info(string message, params object[] args) { } public void LogInformation(string message, params object[] args) { } }
    static class Log { public static void Information(string template, params object[] values) { } }

    class C
    {
        void M(string token, Logger logger)
        {
            Console.WriteLine(token);
            logger.Info(""t {T}"", token);
            logger.LogInformation(""t {T}"", token);
            Log.Information(""t {T}"", token);
        }
    }
}";
            await Analyze(source).RunAsync();
        }

        [Fact]
        public async Task NoLoggingTypes_RegistersNothing()
        {
            // a compilation without any reference: none of the sinks exist, so the rule has nothing to look at
            var tree = CSharpSyntaxTree.ParseText("namespace System { public class Object { } public class String { } } class C { void M(string token) { } }");
            var compilation = CSharpCompilation.Create("Empty", new[] { tree }, references: null, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var analyzer = new SecretWrittenToLogAnalyzer();
            var exceptions = 0;
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), (e, a, d) => Interlocked.Increment(ref exceptions), concurrentAnalysis: true, logAnalyzerExecutionTime: true);
            var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer), options);
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
            Assert.Empty(diagnostics);
            Assert.Equal(0, exceptions);
            Assert.Equal(0, telemetry.OperationActionsCount);
            Assert.Equal(0, telemetry.SyntaxTreeActionsCount);
        }

        // ---- message -----------------------------------------------------------------------------------------

        [Fact]
        public async Task Message_NamesTheSinkAndWhatWasLogged_NeverTheValue()
        {
            var test = Analyze(InMethod(@"var apiKey = ""sk_live_0123456789abcdef"";
        _logger.LogInformation(""key {K}"", {|#0:apiKey|});
        Console.WriteLine({|#1:request.Headers.Authorization|});
        Serilog.Log.Information(""{R}"", {|#2:request|});"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.CYB0006_SecretWrittenToLog).WithLocation(0)
                .WithArguments("ILogger.LogInformation", "'apiKey' (named like a token or secret)", "replace it with \"[REDACTED]\""));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.CYB0006_SecretWrittenToLog).WithLocation(1)
                .WithArguments("Console.WriteLine", "the Authorization header (Headers.Authorization)", "replace it with \"[REDACTED]\""));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.CYB0006_SecretWrittenToLog).WithLocation(2)
                .WithArguments("Serilog Log.Information", "a whole HttpRequestMessage (its ToString() prints every header)", "log its Method and RequestUri instead"));
            await test.RunAsync();
        }

        [Fact]
        public async Task Message_ForATrackedLocal_SaysWhatItHolds()
        {
            var test = Analyze(InMethod("var h = request.Headers.Authorization.Parameter;\n        _nlog.Info(\"auth {A}\", {|#0:h|});"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.CYB0006_SecretWrittenToLog).WithLocation(0)
                .WithArguments("NLog Logger.Info", "'h', which holds the credential of an Authorization header (AuthenticationHeaderValue.Parameter)", "replace it with \"[REDACTED]\""));
            await test.RunAsync();
        }

        // ---- options -----------------------------------------------------------------------------------------

        [Fact]
        public async Task AdditionalSecretNames_RuleKey_AddsWords()
        {
            await Analyze(InMethod("var cybridKey = Fetch();\n        var partnerPin = Fetch();\n        Console.WriteLine({|CYB0006:cybridKey|});\n        Console.WriteLine({|CYB0006:partnerPin|});"))
                .WithEditorConfig("cybrid_analyzers.CYB0006.additional_secret_names = cybridKey, PIN")
                .RunAsync();
        }

        [Fact]
        public async Task AdditionalSecretNames_PackageWideKey_IsTheFallback()
        {
            await Analyze(InMethod("var cybridKey = Fetch();\n        var partnerPin = Fetch();\n        Console.WriteLine({|CYB0006:cybridKey|});\n        Console.WriteLine(partnerPin);"))
                .WithGlobalConfig("cybrid_analyzers.additional_secret_names = cybrid_key")
                .RunAsync();
        }

        [Fact]
        public async Task TreatTokenAsSecret_False_KeepsOnlyQualifiedTokenNames()
        {
            await Analyze(InMethod("var resetToken = token;\n        var customerToken = token;\n        Console.WriteLine(token);\n        Console.WriteLine(resetToken);\n        Console.WriteLine({|CYB0006:customerToken|});\n        Console.WriteLine({|CYB0006:accessToken|});\n        Console.WriteLine({|CYB0006:request.Headers.Authorization|});"))
                .WithEditorConfig("cybrid_analyzers.CYB0006.treat_token_as_secret = false")
                .RunAsync();
        }

        [Fact]
        public async Task TreatTokenAsSecret_RuleKeyWinsOverPackageWideKey()
        {
            await Analyze(InMethod("Console.WriteLine({|CYB0006:token|});"))
                .WithEditorConfig("cybrid_analyzers.treat_token_as_secret = false", "cybrid_analyzers.CYB0006.treat_token_as_secret = true")
                .RunAsync();
        }

        [Fact]
        public async Task TreatTokenAsSecret_InvalidValue_ReportsCYB0000AndUsesTheDefault()
        {
            // stub files would see the invalid value too; this source needs none of them
            // the CYB0000 sits on the file's first token
            await new Verify.Test
            {
                TestCode = "{|CYB0000:class|} C { void M(string token) => System.Console.WriteLine({|CYB0006:token|}); }",
            }
                .WithEditorConfig("cybrid_analyzers.CYB0006.treat_token_as_secret = sometimes")
                .RunAsync();
        }

        // ---- suppression, generated code ---------------------------------------------------------------------

        [Fact]
        public async Task SeverityNone_InEditorConfig_SilencesTheRule()
        {
            await Analyze(InMethod("Console.WriteLine(token);")).WithEditorConfig("dotnet_diagnostic.CYB0006.severity = none").RunAsync();
        }

        [Fact]
        public async Task PragmaAndSuppressMessage_AreHonored()
        {
            const string source = Usings + @"
using System.Diagnostics.CodeAnalysis;

class C
{
    void M(string token)
    {
#pragma warning disable CYB0006 // local debugging against the sandbox only
        Console.WriteLine(token);
#pragma warning restore CYB0006
    }

    [SuppressMessage(""Security"", ""CYB0006:Token or Authorization header written to a log"", Justification = ""sandbox token printer"")]
    void N(string token) => Console.WriteLine(token);
}";
            await Analyze(source).RunAsync();
        }

        [Fact]
        public async Task GeneratedCode_IsSkipped()
        {
            const string source = @"// <auto-generated/>
using System;

class Generated
{
    void M(string accessToken) => Console.WriteLine(accessToken);
}";
            await Analyze(source).RunAsync();
        }

        // ---- language versions, frameworks, Fix All, broken code ------------------------------------------------

        [Fact]
        public async Task CSharp73_IsSupported()
        {
            const string source = @"using System;
using System.Net.Http;
using Microsoft.Extensions.Logging;

class C
{
    void M(ILogger logger, HttpRequestMessage request, string token)
    {
        logger.LogInformation(""Sending {Request} with {Token}"", {|CYB0006:request|}, {|CYB0006:token|});
        Console.WriteLine($""Bearer {{|CYB0006:token|}}"");
    }
}";
            const string fixedSource = @"using System;
using System.Net.Http;
using Microsoft.Extensions.Logging;

class C
{
    void M(ILogger logger, HttpRequestMessage request, string token)
    {
        logger.LogInformation(""Sending {Request} with {Token}"", $""{request.Method} {request.RequestUri}"", ""[REDACTED]"");
        Console.WriteLine($""Bearer [REDACTED]"");
    }
}";
            var test = new Verify.Test { TestCode = source, FixedCode = fixedSource, LanguageVersion = LanguageVersion.CSharp7_3 }
                .WithSources(CYB0006LoggingStubs.MicrosoftLogging);
            await test.RunAsync();
        }

        [Fact]
        public async Task NetStandard20_IsSupported()
        {
            const string source = @"using System;
using System.Diagnostics;
using System.Net.Http;

class C
{
    void M(HttpClient client, string clientSecret)
    {
        Trace.TraceInformation(""auth {0}"", {|CYB0006:client.DefaultRequestHeaders.Authorization|});
        Debug.WriteLine(""secret "" + {|CYB0006:clientSecret|});
    }
}";
            const string fixedSource = @"using System;
using System.Diagnostics;
using System.Net.Http;

class C
{
    void M(HttpClient client, string clientSecret)
    {
        Trace.TraceInformation(""auth {0}"", ""[REDACTED]"");
        Debug.WriteLine(""secret "" + ""[REDACTED]"");
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
        public async Task FixAll_RedactsEveryFindingInTheProject()
        {
            var test = new Verify.Test();
            test.TestState.Sources.Add(("/A.cs", InMethod("_logger.LogInformation(\"{T} {R}\", {|CYB0006:token|}, {|CYB0006:request|});\n        Console.WriteLine($\"{{|CYB0006:accessToken|}} {{|CYB0006:request|}}\");")));
            test.TestState.Sources.Add(("/B.cs", Usings + "class D { void M(ILogger logger, string password, HttpRequestMessage message) { logger.LogWarning(\"p {P}\", {|CYB0006:password|}); Console.WriteLine({|CYB0006:message.Headers|}); } }"));
            test.FixedState.Sources.Add(("/A.cs", InMethod("_logger.LogInformation(\"{T} {R}\", \"[REDACTED]\", $\"{request.Method} {request.RequestUri}\");\n        Console.WriteLine($\"[REDACTED] {request.Method} {request.RequestUri}\");")));
            test.FixedState.Sources.Add(("/B.cs", Usings + "class D { void M(ILogger logger, string password, HttpRequestMessage message) { logger.LogWarning(\"p {P}\", \"[REDACTED]\"); Console.WriteLine(\"[REDACTED]\"); } }"));
            test.WithSources(AllStubs);
            await test.RunAsync();
        }

        [Theory]
        [InlineData("_logger.LogInformation(\"t {T}\", token")]
        [InlineData("_logger.LogInformation(")]
        [InlineData("Console.WriteLine($\"Bearer {token")]
        [InlineData("Console.WriteLine(request.Headers.")]
        [InlineData("var h = request.Headers.Authorization; Console.WriteLine(h +")]
        [InlineData("_logger.LogInformation(\"{A}\", token,);")]
        [InlineData("Log.Missing(_logger, token);")]
        [InlineData("using (_logger.BeginScope(new { token, })) { } )")]
        public async Task HalfTypedCode_DoesNotCrash(string body)
        {
            var sources = new[] { ("/0/Test0.cs", InMethod(body)) }.Concat(AllStubs.Select((s, i) => ("/0/Stub" + i + ".cs", s)));
            var run = await Verifiers.AnalyzerRunner.RunAsync(ImmutableArray.Create<DiagnosticAnalyzer>(new SecretWrittenToLogAnalyzer()), sources);
            Assert.Empty(run.Exceptions);
            Assert.True(run.CompilerErrors > 0, "the input should not compile");
        }
    }
}
