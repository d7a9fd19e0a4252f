using System;
using System.Collections.Generic;
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
    Cybrid.Analyzers.Rules.PrivilegedTokenOnCustomerRequestAnalyzer,
    Cybrid.Analyzers.CodeFixes.Rules.PrivilegedTokenOnCustomerRequestCodeFix>;

namespace Cybrid.Analyzers.Tests.Rules
{
    /// <summary>CYB0002 options, suppression, language versions, frameworks, generated and broken code.</summary>
    public class CYB0002_OptionsAndGeneralTests
    {
        private const string Usings = CYB0002_RawHttpClientTests.Usings;

        /// <summary>One token known only by its name (a field named bank token) and one known by its provenance.</summary>
        private static string NamedAndProven(string namedMarkup, string provenMarkup) => Usings + @"
class Service
{" + CYB0002_RawHttpClientTests.FetchBankToken + @"
    private readonly string _bankToken = Environment.GetEnvironmentVariable(""CYBRID_BANK_TOKEN"");

    async Task ByNameAsync(HttpClient http, string customerGuid)
    {
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(""Bearer"", " + namedMarkup + @");
        await http.PostAsJsonAsync(""https://bank.sandbox.cybrid.app/api/quotes"", new { customer_guid = customerGuid });
    }

    async Task ByProvenanceAsync(HttpClient http, string customerGuid)
    {
        var token = await FetchAsync(http);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(""Bearer"", " + provenMarkup + @");
        await http.PostAsJsonAsync(""https://bank.sandbox.cybrid.app/api/quotes"", new { customer_guid = customerGuid });
    }
}";

        [Fact]
        public async Task NameHeuristics_AreOnByDefault()
        {
            await Verify.VerifyAnalyzerAsync(NamedAndProven("{|CYB0002:_bankToken|}", "{|CYB0002:token|}"));
        }

        [Fact]
        public async Task NameHeuristicsOff_RuleKey_KeepsProvenanceOnly()
        {
            await new Verify.Test { TestCode = NamedAndProven("_bankToken", "{|CYB0002:token|}") }
                .WithEditorConfig("cybrid_analyzers.CYB0002.name_heuristics = false").RunAsync();
        }

        [Fact]
        public async Task NameHeuristicsOff_PackageWideKeyInGlobalConfig_IsUsed()
        {
            await new Verify.Test { TestCode = NamedAndProven("_bankToken", "{|CYB0002:token|}") }
                .WithGlobalConfig("cybrid_analyzers.name_heuristics = false").RunAsync();
        }

        [Fact]
        public async Task NameHeuristicsOff_TokenTypesStillCount()
        {
            await new Verify.Test
            {
                TestCode = Usings + @"
public sealed class BankToken { public string Value { get; set; } }

class Service
{
    async Task QuoteAsync(HttpClient http, BankToken bank, string customerGuid)
    {
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(""Bearer"", {|CYB0002:bank.Value|});
        await http.PostAsJsonAsync(""https://bank.sandbox.cybrid.app/api/quotes"", new { customer_guid = customerGuid });
    }
}",
            }.WithEditorConfig("cybrid_analyzers.CYB0002.name_heuristics = false").RunAsync();
        }

        [Fact]
        public async Task NameHeuristics_RuleKeyWinsOverPackageWideKey()
        {
            await new Verify.Test { TestCode = NamedAndProven("{|CYB0002:_bankToken|}", "{|CYB0002:token|}") }
                .WithEditorConfig("cybrid_analyzers.name_heuristics = false", "cybrid_analyzers.CYB0002.name_heuristics = true").RunAsync();
        }

        private static string ReadAndWrite(string readMarkup, string writeMarkup) => Usings + @"
class Service
{
    async Task ReadAsync(HttpClient http, string customerGuid, string bankToken)
    {
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(""Bearer"", " + readMarkup + @");
        await http.GetAsync($""https://bank.sandbox.cybrid.app/api/customers/{customerGuid}"");
    }

    async Task WriteAsync(HttpClient http, string customerGuid, string bankToken)
    {
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(""Bearer"", " + writeMarkup + @");
        await http.PatchAsync($""https://bank.sandbox.cybrid.app/api/customers/{customerGuid}"", JsonContent.Create(new { state = ""frozen"" }));
    }
}";

        [Fact]
        public async Task IncludeReads_IsOnByDefault()
        {
            await Verify.VerifyAnalyzerAsync(ReadAndWrite("{|CYB0002:bankToken|}", "{|CYB0002:bankToken|}"));
        }

        [Fact]
        public async Task IncludeReadsOff_SilencesReadsOnly()
        {
            await new Verify.Test { TestCode = ReadAndWrite("bankToken", "{|CYB0002:bankToken|}") }
                .WithEditorConfig("cybrid_analyzers.CYB0002.include_reads = false").RunAsync();
        }

        [Fact]
        public async Task IncludeReadsOff_PackageWideKey_IsUsed()
        {
            await new Verify.Test { TestCode = ReadAndWrite("bankToken", "{|CYB0002:bankToken|}") }
                .WithGlobalConfig("cybrid_analyzers.include_reads = FALSE").RunAsync();
        }

        [Theory]
        [InlineData("cybrid_analyzers.CYB0002.include_reads = maybe")]
        [InlineData("cybrid_analyzers.CYB0002.name_heuristics = yes")]
        [InlineData("cybrid_analyzers.include_reads = 0")]
        public async Task InvalidBooleanOption_ReportsCYB0000_AndUsesTheDefault(string line)
        {
            await new Verify.Test
            {
                // CYB0000 sits on the file's first token (the first `using`)
                TestCode = FirstTokenMarked(ReadAndWrite("{|CYB0002:bankToken|}", "{|CYB0002:bankToken|}")),
            }.WithEditorConfig(line).RunAsync();
        }

        private static string FirstTokenMarked(string source)
        {
            var index = source.IndexOf("using", System.StringComparison.Ordinal);
            return source.Substring(0, index) + "{|CYB0000:using|}" + source.Substring(index + "using".Length);
        }

        private static string UnnamedSources(string markup) => Usings + @"
namespace Acme.Cybrid
{
    public interface ITokenProvider { Task<string> GetTokenAsync(string audience); }
}

class Service
{
    private readonly Acme.Cybrid.ITokenProvider _provider;

    public Service(Acme.Cybrid.ITokenProvider provider) { _provider = provider; }

    async Task QuoteAsync(HttpClient http, string customerGuid)
    {
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(""Bearer"", " + markup + @");
        await http.PostAsJsonAsync(""https://bank.sandbox.cybrid.app/api/quotes"", new { customer_guid = customerGuid });
    }
}";

        [Fact]
        public async Task UnconfiguredProvider_IsUnknown_AndNotReported()
        {
            await Verify.VerifyAnalyzerAsync(UnnamedSources("await _provider.GetTokenAsync(\"bank\")"));
        }

        [Theory]
        [InlineData("cybrid_analyzers.CYB0002.bank_token_sources = M:Acme.Cybrid.ITokenProvider.GetTokenAsync(System.String)")]
        [InlineData("cybrid_analyzers.bank_token_sources = Acme.Cybrid.ITokenProvider.*")]
        [InlineData("cybrid_analyzers.CYB0002.bank_token_sources = Other.Thing, GetTokenAsync")]
        public async Task ConfiguredBankTokenSource_IsReported(string line)
        {
            await new Verify.Test { TestCode = UnnamedSources("{|CYB0002:await _provider.GetTokenAsync(\"bank\")|}") }.WithEditorConfig(line).RunAsync();
        }

        [Fact]
        public async Task ConfiguredAsBothKinds_IsAConflict_AndNotReported()
        {
            await new Verify.Test { TestCode = UnnamedSources("await _provider.GetTokenAsync(\"bank\")") }
                .WithEditorConfig(
                    "cybrid_analyzers.CYB0002.bank_token_sources = Acme.Cybrid.ITokenProvider.GetTokenAsync",
                    "cybrid_analyzers.CYB0002.customer_token_sources = Acme.Cybrid.ITokenProvider.GetTokenAsync").RunAsync();
        }

        [Fact]
        public async Task ConfiguredCustomerTokenSource_OverABankName_IsAConflict_AndNotReported()
        {
            await new Verify.Test { TestCode = NamedAndProven("_bankToken", "{|CYB0002:token|}") }
                .WithEditorConfig("cybrid_analyzers.CYB0002.customer_token_sources = F:Service._bankToken").RunAsync();
        }

        private static string ConfiguredClient(string markup) => Usings + @"
namespace Acme.Payments
{
    public sealed class CybridHttp
    {
        private readonly HttpClient _http;

        public CybridHttp(HttpClient http, string bankToken)
        {
            _http = http; // BaseAddress comes from configuration, out of sight
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(""Bearer"", " + markup + @");
        }

        public Task<HttpResponseMessage> QuoteAsync(string customerGuid) => _http.PostAsJsonAsync(""quotes"", new { customer_guid = customerGuid });
    }
}";

        [Fact]
        public async Task RelativeRequestWithoutVisibleBaseAddress_IsNotReported()
        {
            await Verify.VerifyAnalyzerAsync(ConfiguredClient("bankToken"));
        }

        [Theory]
        [InlineData("cybrid_analyzers.CYB0002.bank_api_clients = Acme.Payments.CybridHttp")]
        [InlineData("cybrid_analyzers.bank_api_clients = F:Acme.Payments.CybridHttp._http")]
        [InlineData("cybrid_analyzers.CYB0002.bank_api_clients = CybridHttp")]
        public async Task ConfiguredBankApiClient_MakesRelativeRequestsBankApiCalls(string line)
        {
            await new Verify.Test { TestCode = ConfiguredClient("{|CYB0002:bankToken|}") }.WithEditorConfig(line).RunAsync();
        }

        [Fact]
        public async Task ConfiguredClientClass_CalledLikeAGeneratedClient_IsAnalyzed()
        {
            const string source = @"using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;

namespace Acme.Cybrid
{
    public sealed class PostQuote { public string CustomerGuid { get; set; } }
    public sealed class BankGateway
    {
        public BankGateway(HttpClient http) { }
        public Task CreateQuoteAsync(PostQuote body) => Task.CompletedTask;
        public Task ListPricesAsync() => Task.CompletedTask;
    }
}

class Trading
{
    async Task QuoteAsync(string customerGuid, string bankToken)
    {
        var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(""Bearer"", {|CYB0002:bankToken|});
        var gateway = new Acme.Cybrid.BankGateway(http);
        await gateway.CreateQuoteAsync(new Acme.Cybrid.PostQuote { CustomerGuid = customerGuid });
        await gateway.ListPricesAsync();
    }
}";
            await new Verify.Test { TestCode = source }.WithEditorConfig("cybrid_analyzers.CYB0002.bank_api_clients = T:Acme.Cybrid.BankGateway").RunAsync();
            await Verify.VerifyAnalyzerAsync(source.Replace("{|CYB0002:bankToken|}", "bankToken"));
        }

        private static string HandlerClient(string markup) => Usings + @"
namespace Acme.Cybrid
{
    /// <summary>Adds the bank token to every request (registered with AddHttpMessageHandler in Program.cs).</summary>
    public sealed class BankTokenHandler : DelegatingHandler
    {
        private readonly Func<Task<string>> _token;

        public BankTokenHandler(Func<Task<string>> token) { _token = token; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue(""Bearer"", await _token());
            return await base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>A typed client: BaseAddress and the handler come from AddHttpClient, out of sight.</summary>
    public sealed class CybridBankClient
    {
        private readonly HttpClient _http;

        public CybridBankClient(HttpClient http) { _http = http; }

        public Task<HttpResponseMessage> QuoteAsync(string customerGuid) => " + markup + @".PostAsJsonAsync(""quotes"", new { customer_guid = customerGuid });

        public Task<HttpResponseMessage> CustomerAsync() => _http.PostAsJsonAsync(""customers"", new { type = ""individual"" });
    }
}";

        [Fact]
        public async Task TokensAddedByAHandler_AreInvisibleWithoutConfiguration()
        {
            await new Verify.Test { TestCode = HandlerClient("_http") }
                .WithEditorConfig("cybrid_analyzers.CYB0002.bank_api_clients = Acme.Cybrid.CybridBankClient").RunAsync();
        }

        [Fact]
        public async Task ClientListedAsBankTokenSource_IsReportedAtTheClient_WithoutFix()
        {
            var source = HandlerClient("{|CYB0002:_http|}");
            await new Verify.Test { TestCode = source, FixedCode = source }
                .WithEditorConfig(
                    "cybrid_analyzers.CYB0002.bank_api_clients = Acme.Cybrid.CybridBankClient",
                    "cybrid_analyzers.CYB0002.bank_token_sources = T:Acme.Cybrid.CybridBankClient").RunAsync();
        }

        [Fact]
        public async Task HandlerTypeListedAsBankTokenSource_MarksClientsBuiltWithIt()
        {
            await new Verify.Test
            {
                TestCode = Usings + @"
public sealed class BankAuthHandler : DelegatingHandler
{
    public BankAuthHandler() : base(new HttpClientHandler()) { }
}

class Reports
{
    async Task RunAsync(string customerGuid)
    {
        var http = new HttpClient(new BankAuthHandler()) { BaseAddress = new Uri(""https://bank.sandbox.cybrid.app/api/"") };
        await {|CYB0002:http|}.GetAsync(""external_bank_accounts?customer_guid="" + customerGuid);

        var plain = new HttpClient { BaseAddress = new Uri(""https://bank.sandbox.cybrid.app/api/"") };
        await plain.GetAsync(""external_bank_accounts?customer_guid="" + customerGuid);
    }
}",
            }.WithEditorConfig("cybrid_analyzers.bank_token_sources = BankAuthHandler").RunAsync();
        }

        // ---- suppression -----------------------------------------------------------------------------------------

        [Fact]
        public async Task SeverityNone_InEditorConfig_SilencesTheRule()
        {
            await new Verify.Test { TestCode = ReadAndWrite("bankToken", "bankToken") }
                .WithEditorConfig("dotnet_diagnostic.CYB0002.severity = none").RunAsync();
        }

        [Fact]
        public async Task PragmaAndSuppressMessage_AreHonored()
        {
            await Verify.VerifyAnalyzerAsync("using System.Diagnostics.CodeAnalysis;\n" + Usings + @"
class Service
{
    async Task ReconcileAsync(HttpClient http, string customerGuid, string bankToken)
    {
#pragma warning disable CYB0002 // nightly reconciliation runs as the bank
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(""Bearer"", bankToken);
#pragma warning restore CYB0002
        await http.GetAsync(""https://bank.sandbox.cybrid.app/api/trades?customer_guid="" + customerGuid);
    }

    [SuppressMessage(""Security"", ""CYB0002:Bank or organization token used for a customer-scoped request"", Justification = ""support tooling"")]
    async Task SupportAsync(HttpClient http, string customerGuid, string bankToken)
    {
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(""Bearer"", bankToken);
        await http.GetAsync($""https://bank.sandbox.cybrid.app/api/customers/{customerGuid}"");
    }
}");
        }

        [Fact]
        public async Task GeneratedCode_IsSkipped()
        {
            await Verify.VerifyAnalyzerAsync("// <auto-generated/>\n" + ReadAndWrite("bankToken", "bankToken"));
        }

        // ---- language versions and frameworks ----------------------------------------------------------------

        [Fact]
        public async Task CSharp73_IsSupported()
        {
            await new Verify.Test
            {
                TestCode = @"using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;

class Legacy
{
    private static readonly HttpClient Http = new HttpClient { BaseAddress = new Uri(""https://bank.production.cybrid.app/api/"") };

    public async Task<string> OpenAccountAsync(string customerGuid, string bankToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, ""accounts"");
        request.Content = new StringContent(""{\""type\"":\""trading\"",\""asset\"":\""BTC\"",\""customer_guid\"":\"""" + customerGuid + ""\""}"", Encoding.UTF8, ""application/json"");
        request.Headers.Authorization = new AuthenticationHeaderValue(""Bearer"", {|CYB0002:bankToken|});
        var response = await Http.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }
}",
                LanguageVersion = LanguageVersion.CSharp7_3,
            }.RunAsync();
        }

        [Fact]
        public async Task NetStandard20_IsSupported()
        {
            await new Verify.Test
            {
                TestCode = @"using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;

class Library
{
    public async Task QuoteAsync(HttpClient http, string customerGuid, string bankAccessToken)
    {
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(""Bearer"", {|CYB0002:bankAccessToken|});
        await http.PostAsync(""https://bank.sandbox.cybrid.app/api/quotes"", new StringContent(""{\""customer_guid\"":\"""" + customerGuid + ""\""}"", Encoding.UTF8, ""application/json""));
    }
}",
                ReferenceAssemblies = Verifiers.TestReferences.NetStandard20,
            }.RunAsync();
        }

        [Fact]
        public async Task TopLevelStatementsAndLambdas_AreAnalyzed()
        {
            await new Verify.Test
            {
                TestCode = Usings.Substring(0, Usings.IndexOf("public sealed class", StringComparison.Ordinal)) + @"
var http = new HttpClient();
var bankToken = Environment.GetEnvironmentVariable(""CYBRID_BANK_TOKEN"");
var customerGuid = args[0];
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(""Bearer"", {|CYB0002:bankToken|});
await http.PostAsJsonAsync(""https://bank.sandbox.cybrid.app/api/quotes"", new { customer_guid = customerGuid });

Func<string, Task> open = async guid =>
{
    var client = new HttpClient();
    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(""Bearer"", {|CYB0002:bankToken|});
    await client.PostAsJsonAsync(""https://bank.sandbox.cybrid.app/api/accounts"", new { type = ""trading"", customer_guid = guid });
};
await open(customerGuid);",
                TestState = { OutputKind = OutputKind.ConsoleApplication },
            }.RunAsync();
        }

        // ---- broken code and absent types -----------------------------------------------------------------

        [Theory]
        [InlineData("http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Bearer\", bankToken")]
        [InlineData("await http.PostAsJsonAsync(\"https://bank.sandbox.cybrid.app/api/quotes\", new { customer_guid = ")]
        [InlineData("await http.GetAsync($\"https://bank.sandbox.cybrid.app/api/customers/{")]
        [InlineData("var q = await new QuotesBankApi(new Configuration { AccessToken = bankToken }).CreateQuoteAsync(new PostQuoteBankModel { CustomerGuid = ")]
        [InlineData("http.DefaultRequestHeaders.Add(\"Authorization\", $\"Bearer {bankToken\"); await http.SendAsync(")]
        [InlineData("var request = new HttpRequestMessage(HttpMethod.Post, ) { Content = JsonContent.Create(new { customer_guid }) }; await http.SendAsync(request);")]
        [InlineData("token ??= ; http.DefaultRequestHeaders.Authorization = new(\"Bearer\", token); await http.GetAsync(\"https://bank.sandbox.cybrid.app/api/trades?customer_guid=\" + ")]
        public async Task HalfTypedCode_DoesNotCrash(string body)
        {
            var source = "using Cybrid.Bank.Api; using Cybrid.Bank.Client; using Cybrid.Bank.Model;\n" + Usings + @"
class C
{
    string token;
    async Task M(HttpClient http, string customerGuid, string bankToken)
    {
        " + body + @"
    }
}";
            var run = await Verifiers.AnalyzerRunner.RunAsync(
                ImmutableArray.Create<DiagnosticAnalyzer>(new PrivilegedTokenOnCustomerRequestAnalyzer()),
                new[] { ("/0/Test0.cs", source), ("/0/Stubs.cs", CYB0002Stubs.BankClient) });
            Assert.Empty(run.Exceptions);
            Assert.True(run.CompilerErrors > 0, "the input should not compile");
        }

        [Fact]
        public async Task PrivateUseCharactersAndOddUrls_DoNotCrash()
        {
            var source = Usings + @"
class C
{
    async Task M(HttpClient http, string customerGuid, string bankToken)
    {
        http.DefaultRequestHeaders.Add(""Authorization"", ""Bearer \uE000"" + bankToken);
        await http.GetAsync(""https://bank.sandbox.cybrid.app/api/customers/\uE000"" + customerGuid + ""?customer_guid=\uE000"");
        await http.PostAsync(""https://bank.sandbox.cybrid.app/api/quotes"", new StringContent(""{\""customer_guid\"": \""\uE000\"", \""x\"": "" + customerGuid + ""}""));
        await http.GetAsync(""mailto:someone@example.com"");
        await http.GetAsync(""https://bank.sandbox.cybrid.app"");
        await http.GetAsync(""https://bank.sandbox.cybrid.app/api//customers//"" + customerGuid + ""/"");
        await http.GetAsync("":"" + customerGuid);
        await http.GetAsync(new Uri(new Uri(""https://bank.sandbox.cybrid.app""), ""/api/customers/"" + customerGuid));
    }
}";
            var run = await Verifiers.AnalyzerRunner.RunAsync(new PrivilegedTokenOnCustomerRequestAnalyzer(), source);
            Assert.Empty(run.Exceptions);
            Assert.Equal(0, run.CompilerErrors);
        }

        [Fact]
        public async Task CompilationWithoutHttpClientOrCybridTypes_RegistersNothing()
        {
            var registrations = await RegistrationsAsync("public class Quotes { public void CreateQuote(string customerGuid, string bankToken) { } }");
            Assert.Equal(0, registrations);
        }

        [Fact]
        public async Task CompilationWithCybridTypesButNoHttpClient_IsAnalyzed()
        {
            var registrations = await RegistrationsAsync("namespace Cybrid.Bank.Api { public class QuotesBankApi { } }");
            Assert.True(registrations > 0);

            // and the analysis runs: the generated client alone is enough to prove a Bank API call
            const string source = @"namespace Cybrid.Bank.Client { public class Configuration { public string AccessToken { get; set; } } }
namespace Cybrid.Bank.Model { public class PostQuoteBankModel { public string CustomerGuid { get; set; } } }
namespace Cybrid.Bank.Api
{
    public class QuotesBankApi
    {
        public QuotesBankApi(Cybrid.Bank.Client.Configuration configuration) { }
        public object CreateQuote(Cybrid.Bank.Model.PostQuoteBankModel postQuoteBankModel) => null;
    }
}
class App
{
    void Run(string customerGuid, string bankToken)
    {
        new Cybrid.Bank.Api.QuotesBankApi(new Cybrid.Bank.Client.Configuration { AccessToken = bankToken })
            .CreateQuote(new Cybrid.Bank.Model.PostQuoteBankModel { CustomerGuid = customerGuid });
    }
}";
            var diagnostics = await CoreLibOnlyDiagnosticsAsync(source);
            Assert.Equal(new[] { "CYB0002" }, diagnostics.Select(d => d.Id).ToArray());
        }

        [Fact]
        public async Task CompilationWithHttpClient_IsAnalyzed()
        {
            var references = await Verifiers.TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
            var compilation = CSharpCompilation.Create("WithHttp", new[] { CSharpSyntaxTree.ParseText("class C { }") }, references);
            Assert.True(RegistrationsOf(compilation) > 0);
        }

        private static Task<int> RegistrationsAsync(string source)
            => Task.FromResult(RegistrationsOf(CoreLibOnly(source)));

        private static CSharpCompilation CoreLibOnly(string source)
            => CSharpCompilation.Create(
                "CoreLibOnly",
                new[] { CSharpSyntaxTree.ParseText(source) },
                new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        private static async Task<ImmutableArray<Diagnostic>> CoreLibOnlyDiagnosticsAsync(string source)
        {
            var compilation = CoreLibOnly(source);
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            return await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new PrivilegedTokenOnCustomerRequestAnalyzer()))
                .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        }

        /// <summary>Runs Initialize and the compilation-start action against <paramref name="compilation"/>, counting what it registers.</summary>
        private static int RegistrationsOf(Compilation compilation)
        {
            var context = new StartCapturingContext();
            new PrivilegedTokenOnCustomerRequestAnalyzer().Initialize(context);
            Assert.NotNull(context.Start);
            var start = new CountingStartContext(compilation);
            context.Start!(start);
            return start.Count;
        }

        private sealed class StartCapturingContext : AnalysisContext
        {
            public Action<CompilationStartAnalysisContext>? Start { get; private set; }

            public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => Start = action;

            public override void EnableConcurrentExecution()
            {
            }

            public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode)
            {
            }

            public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => throw new NotSupportedException();

            public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => throw new NotSupportedException();

            public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw new NotSupportedException();

            public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw new NotSupportedException();

            public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw new NotSupportedException();

            public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw new NotSupportedException();

            public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => throw new NotSupportedException();
        }

        private sealed class CountingStartContext : CompilationStartAnalysisContext
        {
            public CountingStartContext(Compilation compilation)
                : base(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), CancellationToken.None)
            {
            }

            public int Count { get; private set; }

            public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => Count++;

            public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => Count++;

            public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => Count++;

            public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => Count++;

            public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => Count++;

            public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => Count++;

            public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => Count++;

            public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => Count++;

            public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => Count++;

            public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => Count++;

            public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => Count++;
        }
    }
}
