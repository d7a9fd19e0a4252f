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
    Cybrid.Analyzers.Rules.InfiniteHttpTimeoutAnalyzer,
    Cybrid.Analyzers.CodeFixes.Rules.InfiniteHttpTimeoutCodeFix>;

namespace Cybrid.Analyzers.Tests.Rules
{
    public class CYB0005_InfiniteHttpTimeoutTests
    {
        private static string FirstTokenMarked(string source)
        {
            var index = source.IndexOf("using", System.StringComparison.Ordinal);
            return source.Substring(0, index) + "{|CYB0000:using|}" + source.Substring(index + "using".Length);
        }

        private static string InMethod(string body) => @"
using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

class C
{
    static void Adjust(ref TimeSpan t) { }

    async Task M(HttpClient client, SocketsHttpHandler handler, HttpWebRequest request, TimeSpan configured, TimeSpan? maybe, bool flag)
    {
        " + body + @"
    }
}";

        private static Task VerifyFixAsync(string body, string fixedBody)
            => Verify.VerifyCodeFixAsync(InMethod(body), InMethod(fixedBody));

        // ---- HttpClient.Timeout: every infinite form ----------------------------------------------------------

        [Fact]
        public async Task HttpClientTimeout_InfiniteTimeSpan_IsReportedAndFixed()
        {
            await VerifyFixAsync(
                "client.Timeout = {|CYB0005:Timeout.InfiniteTimeSpan|};",
                "client.Timeout = TimeSpan.FromSeconds(30);");
        }

        [Theory]
        [InlineData("TimeSpan.MaxValue")]
        [InlineData("TimeSpan.FromMilliseconds(-1)")]
        [InlineData("TimeSpan.FromMilliseconds(-1.0)")]
        [InlineData("TimeSpan.FromMilliseconds(Timeout.Infinite)")]
        [InlineData("TimeSpan.FromTicks(-10000)")]
        [InlineData("TimeSpan.FromTicks(-TimeSpan.TicksPerMillisecond)")]
        [InlineData("new TimeSpan(0, 0, 0, 0, -1)")]
        [InlineData("new TimeSpan(-10000)")]
        [InlineData("System.Threading.Timeout.InfiniteTimeSpan")]
        [InlineData("(Timeout.InfiniteTimeSpan)")]
        [InlineData("TimeSpan.FromMilliseconds(int.MaxValue)")]
        [InlineData("TimeSpan.FromDays(365)")]
        public async Task HttpClientTimeout_OtherInfiniteForms_AreReportedAndFixed(string value)
        {
            var reported = value.StartsWith("(") ? "(" + "{|CYB0005:" + value.Substring(1, value.Length - 2) + "|})" : "{|CYB0005:" + value + "|}";
            var fixedValue = value.StartsWith("(") ? "(TimeSpan.FromSeconds(30))" : "TimeSpan.FromSeconds(30)";
            await VerifyFixAsync("client.Timeout = " + reported + ";", "client.Timeout = " + fixedValue + ";");
        }

        [Fact]
        public async Task ObjectInitializer_AndDerivedClient_AreReportedAndFixed()
        {
            const string source = @"
using System;
using System.Net.Http;
using System.Threading;

class CybridHttpClient : HttpClient
{
    public CybridHttpClient() { Timeout = {|CYB0005:TimeSpan.MaxValue|}; }
}

class Factory
{
    static readonly HttpClient Shared = new HttpClient { BaseAddress = new Uri(""https://bank.sandbox.cybrid.app""), Timeout = {|CYB0005:Timeout.InfiniteTimeSpan|} };
}";
            const string fixedSource = @"
using System;
using System.Net.Http;
using System.Threading;

class CybridHttpClient : HttpClient
{
    public CybridHttpClient() { Timeout = TimeSpan.FromSeconds(30); }
}

class Factory
{
    static readonly HttpClient Shared = new HttpClient { BaseAddress = new Uri(""https://bank.sandbox.cybrid.app""), Timeout = TimeSpan.FromSeconds(30) };
}";
            await Verify.VerifyCodeFixAsync(source, fixedSource);
        }

        [Fact]
        public async Task FileWithoutUsingSystem_GetsTheUsingFromTheFix()
        {
            const string source = @"
class C
{
    void M(System.Net.Http.HttpClient client)
    {
        client.Timeout = {|CYB0005:System.Threading.Timeout.InfiniteTimeSpan|};
    }
}";
            const string fixedSource = @"
using System;

class C
{
    void M(System.Net.Http.HttpClient client)
    {
        client.Timeout = TimeSpan.FromSeconds(30);
    }
}";
            await Verify.VerifyCodeFixAsync(source, fixedSource);
        }

        // ---- handlers, web requests ----------------------------------------------------------------------

        [Theory]
        [InlineData("ConnectTimeout")]
        [InlineData("ResponseDrainTimeout")]
        [InlineData("Expect100ContinueTimeout")]
        [InlineData("KeepAlivePingTimeout")]
        public async Task SocketsHttpHandlerWaits_AreReportedAndFixed(string member)
        {
            await VerifyFixAsync(
                "var h = new SocketsHttpHandler { " + member + " = {|CYB0005:Timeout.InfiniteTimeSpan|} };",
                "var h = new SocketsHttpHandler { " + member + " = TimeSpan.FromSeconds(30) };");
        }

        [Theory]
        [InlineData("request.Timeout = {|CYB0005:-1|};", "request.Timeout = 30000;")]
        [InlineData("request.Timeout = {|CYB0005:Timeout.Infinite|};", "request.Timeout = 30000;")]
        [InlineData("request.ReadWriteTimeout = {|CYB0005:int.MaxValue|};", "request.ReadWriteTimeout = 30000;")]
        [InlineData("request.ContinueTimeout = {|CYB0005:System.Threading.Timeout.Infinite|};", "request.ContinueTimeout = 30000;")]
        [InlineData("var r = WebRequest.Create(\"https://bank.sandbox.cybrid.app/api/prices\"); r.Timeout = {|CYB0005:-1|};", "var r = WebRequest.Create(\"https://bank.sandbox.cybrid.app/api/prices\"); r.Timeout = 30000;")]
        [InlineData("var r = (HttpWebRequest)WebRequest.Create(\"https://bank.sandbox.cybrid.app\") ; r.Timeout = (int){|CYB0005:-1|};", "var r = (HttpWebRequest)WebRequest.Create(\"https://bank.sandbox.cybrid.app\") ; r.Timeout = (int)30000;")]
        public async Task WebRequestMillisecondTimeouts_AreFixedToMilliseconds(string body, string fixedBody)
        {
            await VerifyFixAsync(body, fixedBody);
        }

        // ---- constants, locals and readonly fields ---------------------------------------------------------

        [Fact]
        public async Task ConstantDeclaredElsewhere_IsReportedAtTheAssignment_AndOnlyTheUseIsFixed()
        {
            const string source = @"
using System.Net;
using System.Threading;

static class Timeouts { public const int NoTimeout = Timeout.Infinite; }

class C
{
    void M(HttpWebRequest request, SemaphoreSlim gate)
    {
        gate.Wait(Timeouts.NoTimeout);
        request.Timeout = {|CYB0005:Timeouts.NoTimeout|};
    }
}";
            const string fixedSource = @"
using System.Net;
using System.Threading;

static class Timeouts { public const int NoTimeout = Timeout.Infinite; }

class C
{
    void M(HttpWebRequest request, SemaphoreSlim gate)
    {
        gate.Wait(Timeouts.NoTimeout);
        request.Timeout = 30000;
    }
}";
            await Verify.VerifyCodeFixAsync(source, fixedSource);
        }

        [Theory]
        [InlineData("var forever = Timeout.InfiniteTimeSpan; client.Timeout = {|CYB0005:forever|};", "var forever = Timeout.InfiniteTimeSpan; client.Timeout = TimeSpan.FromSeconds(30);")]
        [InlineData("var t = TimeSpan.FromSeconds(30); t = TimeSpan.MaxValue; client.Timeout = {|CYB0005:t|};", "var t = TimeSpan.FromSeconds(30); t = TimeSpan.MaxValue; client.Timeout = TimeSpan.FromSeconds(30);")]
        [InlineData("var a = Timeout.InfiniteTimeSpan; var b = a; client.Timeout = {|CYB0005:b|};", "var a = Timeout.InfiniteTimeSpan; var b = a; client.Timeout = TimeSpan.FromSeconds(30);")]
        [InlineData("const int none = -1; request.Timeout = {|CYB0005:none|};", "const int none = -1; request.Timeout = 30000;")]
        [InlineData("int ms = Timeout.Infinite; request.ReadWriteTimeout = {|CYB0005:ms|};", "int ms = Timeout.Infinite; request.ReadWriteTimeout = 30000;")]
        [InlineData("TimeSpan t; if (flag) { t = Timeout.InfiniteTimeSpan; } else { t = configured; } client.Timeout = {|CYB0005:t|};", "TimeSpan t; if (flag) { t = Timeout.InfiniteTimeSpan; } else { t = configured; } client.Timeout = TimeSpan.FromSeconds(30);")]
        [InlineData("var t = TimeSpan.FromSeconds(20); if (flag) t = Timeout.InfiniteTimeSpan; client.Timeout = {|CYB0005:t|};", "var t = TimeSpan.FromSeconds(20); if (flag) t = Timeout.InfiniteTimeSpan; client.Timeout = TimeSpan.FromSeconds(30);")]
        [InlineData("var t = Timeout.InfiniteTimeSpan; if (flag) t = TimeSpan.FromSeconds(20); client.Timeout = {|CYB0005:t|};", "var t = Timeout.InfiniteTimeSpan; if (flag) t = TimeSpan.FromSeconds(20); client.Timeout = TimeSpan.FromSeconds(30);")]
        [InlineData("var forever = Timeout.InfiniteTimeSpan; Action<HttpClient> configure = c => c.Timeout = {|CYB0005:forever|};", "var forever = Timeout.InfiniteTimeSpan; Action<HttpClient> configure = c => c.Timeout = TimeSpan.FromSeconds(30);")]
        [InlineData("var t = TimeSpan.FromSeconds(100); if (flag) { t = TimeSpan.FromMinutes(15); } client.Timeout = {|CYB0005:t|};", "var t = TimeSpan.FromSeconds(100); if (flag) { t = TimeSpan.FromMinutes(15); } client.Timeout = TimeSpan.FromSeconds(30);")]
        public async Task LocalHoldingAnInfiniteValue_IsReportedAtTheUse_AndFixedThere(string body, string fixedBody)
        {
            await VerifyFixAsync(body, fixedBody);
        }

        [Theory]
        [InlineData("var t = Timeout.InfiniteTimeSpan; t = TimeSpan.FromSeconds(20); client.Timeout = t;")]
        [InlineData("var t = Timeout.InfiniteTimeSpan; t = configured; client.Timeout = t;")]
        [InlineData("var t = Timeout.InfiniteTimeSpan; Adjust(ref t); client.Timeout = t;")]
        [InlineData("var t = Timeout.InfiniteTimeSpan; t += TimeSpan.FromSeconds(1); client.Timeout = t;")]
        [InlineData("var t = TimeSpan.FromSeconds(20); Action a = () => t = Timeout.InfiniteTimeSpan; client.Timeout = t;")]
        [InlineData("var t = TimeSpan.FromSeconds(20); client.Timeout = t; t = Timeout.InfiniteTimeSpan; await Task.Delay(t);")]
        [InlineData("int ms = -1; ms = 15000; request.Timeout = ms;")]
        public async Task LocalWhoseLastWriteIsFiniteOrUnknown_IsNotReported(string body)
        {
            await Verify.VerifyAnalyzerAsync(InMethod(body));
        }

        [Fact]
        public async Task ReadonlyField_IsFollowedToItsInitializer()
        {
            const string source = @"
using System;
using System.Net.Http;
using System.Threading;

class CybridClient
{
    private static readonly TimeSpan NoTimeout = Timeout.InfiniteTimeSpan;
    private static readonly TimeSpan Standard = TimeSpan.FromSeconds(30);
    private readonly HttpClient _http = new HttpClient();

    CybridClient()
    {
        _http.Timeout = {|CYB0005:NoTimeout|};
        _http.Timeout = Standard;
    }
}";
            const string fixedSource = @"
using System;
using System.Net.Http;
using System.Threading;

class CybridClient
{
    private static readonly TimeSpan NoTimeout = Timeout.InfiniteTimeSpan;
    private static readonly TimeSpan Standard = TimeSpan.FromSeconds(30);
    private readonly HttpClient _http = new HttpClient();

    CybridClient()
    {
        _http.Timeout = TimeSpan.FromSeconds(30);
        _http.Timeout = Standard;
    }
}";
            await Verify.VerifyCodeFixAsync(source, fixedSource);
        }

        [Theory]
        [InlineData("client.Timeout = flag ? {|CYB0005:Timeout.InfiniteTimeSpan|} : TimeSpan.FromSeconds(10);", "client.Timeout = flag ? TimeSpan.FromSeconds(30) : TimeSpan.FromSeconds(10);")]
        [InlineData("client.Timeout = maybe ?? {|CYB0005:Timeout.InfiniteTimeSpan|};", "client.Timeout = maybe ?? TimeSpan.FromSeconds(30);")]
        public async Task InfiniteBranchOfAConditional_IsReportedAndFixed(string body, string fixedBody)
        {
            await VerifyFixAsync(body, fixedBody);
        }

        [Fact]
        public async Task SameProperty_AssignedAgain_IsJudgedByEachValue()
        {
            // the sink is cached per property symbol; the value is still read at every assignment
            await Verify.VerifyAnalyzerAsync(InMethod(
                "client.Timeout = TimeSpan.FromSeconds(30);\n        client.Timeout = {|CYB0005:Timeout.InfiniteTimeSpan|};\n"
                + "        handler.ConnectTimeout = TimeSpan.FromSeconds(5);\n        handler.ConnectTimeout = {|CYB0005:TimeSpan.MaxValue|};"));
        }

        // ---- generated-client Configuration ------------------------------------------------------------

        [Fact]
        public async Task CybridGeneratedConfiguration_IntTimeout_IsFixedToMilliseconds()
        {
            const string source = @"
using System.Threading;
using Cybrid.Bank.Client;

class Setup
{
    Configuration Create(string token)
    {
        var config = new Configuration { AccessToken = token, Timeout = {|CYB0005:Timeout.Infinite|} };
        config.Timeout = {|CYB0005:-1|};
        config.Timeout = 20000;
        return config;
    }
}";
            const string fixedSource = @"
using System.Threading;
using Cybrid.Bank.Client;

class Setup
{
    Configuration Create(string token)
    {
        var config = new Configuration { AccessToken = token, Timeout = 30000 };
        config.Timeout = 30000;
        config.Timeout = 20000;
        return config;
    }
}";
            await new Verify.Test { TestCode = source, FixedCode = fixedSource }.WithSources(CYB0005Stubs.CybridBankClient).RunAsync();
        }

        [Fact]
        public async Task OpenApiGeneratedConfiguration_TimeSpanTimeout_IsFixedToTimeSpan()
        {
            const string source = @"
using System.Threading;
using Org.OpenAPITools.Client;

class Setup
{
    void M(GlobalConfiguration global)
    {
        var config = new Configuration { Timeout = {|CYB0005:Timeout.InfiniteTimeSpan|} };
        global.Timeout = {|CYB0005:System.TimeSpan.MaxValue|};
    }
}";
            const string fixedSource = @"
using System;
using System.Threading;
using Org.OpenAPITools.Client;

class Setup
{
    void M(GlobalConfiguration global)
    {
        var config = new Configuration { Timeout = TimeSpan.FromSeconds(30) };
        global.Timeout = TimeSpan.FromSeconds(30);
    }
}";
            await new Verify.Test { TestCode = source, FixedCode = fixedSource }.WithSources(CYB0005Stubs.OpenApiToolsClient).RunAsync();
        }

        [Fact]
        public async Task ConfigurationTypesOfOtherLibraries_AreNotReported()
        {
            const string source = @"
class Setup
{
    void M()
    {
        var jobs = new Acme.Jobs.Client.Configuration { Timeout = -1 };
        var settings = new Acme.Settings.Configuration { Timeout = System.Threading.Timeout.Infinite };
    }
}";
            var test = new Verify.Test { TestCode = source };
            test.TestState.Sources.Add(CYB0005Stubs.UnrelatedConfigurations);
            await test.RunAsync();
        }

        // ---- AddHttpClient configuration lambdas -------------------------------------------------------

        [Fact]
        public async Task AddHttpClientLambdas_AreReportedAndFixed()
        {
            const string source = @"
using System;
using System.Net.Http;
using System.Threading;
using Microsoft.Extensions.DependencyInjection;

class CybridBankClient { }

static class Registration
{
    public static void AddCybrid(IServiceCollection services)
    {
        services.AddHttpClient(""cybrid-identity"", c => c.Timeout = {|CYB0005:Timeout.InfiniteTimeSpan|});
        services.AddHttpClient<CybridBankClient>(client =>
        {
            client.BaseAddress = new Uri(""https://bank.sandbox.cybrid.app"");
            client.Timeout = {|CYB0005:TimeSpan.FromMinutes(10)|};
        })
        .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { ConnectTimeout = {|CYB0005:TimeSpan.MaxValue|} })
        .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.AddHttpClient(""cybrid-organization"").ConfigureHttpClient(c => c.Timeout = {|CYB0005:TimeSpan.FromMilliseconds(-1)|});
    }
}";
            const string fixedSource = @"
using System;
using System.Net.Http;
using System.Threading;
using Microsoft.Extensions.DependencyInjection;

class CybridBankClient { }

static class Registration
{
    public static void AddCybrid(IServiceCollection services)
    {
        services.AddHttpClient(""cybrid-identity"", c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddHttpClient<CybridBankClient>(client =>
        {
            client.BaseAddress = new Uri(""https://bank.sandbox.cybrid.app"");
            client.Timeout = TimeSpan.FromSeconds(30);
        })
        .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(30) })
        .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.AddHttpClient(""cybrid-organization"").ConfigureHttpClient(c => c.Timeout = TimeSpan.FromSeconds(30));
    }
}";
            await new Verify.Test { TestCode = source, FixedCode = fixedSource }.WithSources(CYB0005Stubs.HttpClientFactory).RunAsync();
        }

        // ---- CancellationTokenSource around an HTTP call ---------------------------------------------------

        [Theory]
        [InlineData("using var cts = new CancellationTokenSource({|CYB0005:Timeout.InfiniteTimeSpan|});", "using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));")]
        [InlineData("using var cts = new CancellationTokenSource({|CYB0005:-1|});", "using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));")]
        [InlineData("using var cts = new CancellationTokenSource({|CYB0005:Timeout.Infinite|});", "using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));")]
        [InlineData("using var cts = new CancellationTokenSource(millisecondsDelay: {|CYB0005:-1|});", "using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));")]
        [InlineData("using var cts = new CancellationTokenSource(); cts.CancelAfter({|CYB0005:Timeout.Infinite|});", "using var cts = new CancellationTokenSource(); cts.CancelAfter(TimeSpan.FromSeconds(30));")]
        [InlineData("using var cts = new CancellationTokenSource(); cts.CancelAfter({|CYB0005:Timeout.InfiniteTimeSpan|});", "using var cts = new CancellationTokenSource(); cts.CancelAfter(TimeSpan.FromSeconds(30));")]
        [InlineData("var forever = Timeout.InfiniteTimeSpan; using var cts = new CancellationTokenSource({|CYB0005:forever|});", "var forever = Timeout.InfiniteTimeSpan; using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));")]
        public async Task InfiniteCancellationDelay_InAMethodThatSendsARequest_IsFixedToTheSameTimeSpan(string setup, string fixedSetup)
        {
            const string send = "\n        using var response = await client.GetAsync(\"https://bank.sandbox.cybrid.app/api/prices\", cts.Token);";
            await VerifyFixAsync(setup + send, fixedSetup + send);
        }

        [Theory]
        [InlineData("await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, \"https://bank.sandbox.cybrid.app/api/quotes\"), cts.Token);")]
        [InlineData("await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(client, \"https://bank.sandbox.cybrid.app/api/quotes\", new { symbol = \"BTC-USD\" }, cts.Token);")]
        [InlineData("await client.PostAsync(\"https://bank.sandbox.cybrid.app/api/quotes\", null, cts.Token);")]
        [InlineData("using var r = await request.GetResponseAsync();")]
        [InlineData("await Task.Run(() => client.DeleteAsync(\"https://bank.sandbox.cybrid.app/api/x\", cts.Token));")]
        public async Task EveryKindOfHttpCall_MakesTheMethodSendARequest(string send)
        {
            await Verify.VerifyAnalyzerAsync(InMethod("using var cts = new CancellationTokenSource();\n        cts.CancelAfter({|CYB0005:-1|});\n        " + send));
        }

        [Theory]
        [InlineData("using var cts = new CancellationTokenSource(Timeout.InfiniteTimeSpan); await Task.Delay(1000, cts.Token);")]
        [InlineData("using var cts = new CancellationTokenSource(-1); cts.CancelAfter(Timeout.Infinite);")]
        [InlineData("using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30)); await client.GetAsync(\"https://bank.sandbox.cybrid.app\", cts.Token);")]
        [InlineData("using var cts = new CancellationTokenSource(); cts.CancelAfter(5000); await client.GetAsync(\"https://bank.sandbox.cybrid.app\", cts.Token);")]
        [InlineData("using var cts = new CancellationTokenSource(); cts.CancelAfter(TimeSpan.FromMinutes(20)); await client.GetAsync(\"https://bank.sandbox.cybrid.app\", cts.Token);")]
        public async Task CancellationDelay_FiniteOrWithoutHttpCall_IsNotReported(string body)
        {
            await Verify.VerifyAnalyzerAsync(InMethod(body));
        }

        // ---- maximum ------------------------------------------------------------------------------------

        [Theory]
        [InlineData("TimeSpan.FromMinutes(10)")]
        [InlineData("TimeSpan.FromSeconds(301)")]
        [InlineData("TimeSpan.FromSeconds(300.5)")]
        [InlineData("TimeSpan.FromMilliseconds(300001)")]
        [InlineData("TimeSpan.FromHours(1)")]
        [InlineData("new TimeSpan(0, 5, 1)")]
        [InlineData("new TimeSpan(1, 0, 0, 0)")]
        public async Task HttpClientTimeout_AboveTheMaximum_IsReportedAndFixed(string value)
        {
            await VerifyFixAsync("client.Timeout = {|CYB0005:" + value + "|};", "client.Timeout = TimeSpan.FromSeconds(30);");
        }

        [Theory]
        [InlineData("client.Timeout = TimeSpan.FromSeconds(300);")]
        [InlineData("client.Timeout = TimeSpan.FromMinutes(5);")]
        [InlineData("client.Timeout = new TimeSpan(0, 5, 0);")]
        [InlineData("client.Timeout = TimeSpan.FromSeconds(30);")]
        [InlineData("handler.ConnectTimeout = TimeSpan.FromMinutes(10);")]
        [InlineData("request.Timeout = 600000;")]
        public async Task TimeoutsWithinTheMaximum_OrOnMembersWithoutOne_AreNotReported(string body)
        {
            await Verify.VerifyAnalyzerAsync(InMethod(body));
        }

        [Fact]
        public async Task MaxTimeoutSeconds_Option_MovesTheLimit()
        {
            await new Verify.Test
            {
                TestCode = InMethod("client.Timeout = TimeSpan.FromMinutes(10);\n        client.Timeout = {|CYB0005:TimeSpan.FromMinutes(11)|};"),
                FixedCode = InMethod("client.Timeout = TimeSpan.FromMinutes(10);\n        client.Timeout = TimeSpan.FromSeconds(30);"),
            }.WithEditorConfig("cybrid_analyzers.CYB0005.max_timeout_seconds = 600").RunAsync();
        }

        [Fact]
        public async Task MaxTimeoutSeconds_PackageWideKeyInGlobalConfig_IsUsed()
        {
            await new Verify.Test
            {
                TestCode = InMethod("client.Timeout = {|CYB0005:TimeSpan.FromSeconds(61)|};\n        client.Timeout = TimeSpan.FromSeconds(60);"),
                FixedCode = InMethod("client.Timeout = TimeSpan.FromSeconds(30);\n        client.Timeout = TimeSpan.FromSeconds(60);"),
            }.WithGlobalConfig("cybrid_analyzers.max_timeout_seconds = 60").RunAsync();
        }

        [Fact]
        public async Task RuleKey_WinsOverPackageWideKey()
        {
            await new Verify.Test
            {
                TestCode = InMethod("client.Timeout = TimeSpan.FromSeconds(100);\n        client.Timeout = {|CYB0005:TimeSpan.FromSeconds(121)|};"),
                FixedCode = InMethod("client.Timeout = TimeSpan.FromSeconds(100);\n        client.Timeout = TimeSpan.FromSeconds(30);"),
            }.WithEditorConfig("cybrid_analyzers.max_timeout_seconds = 60", "cybrid_analyzers.CYB0005.max_timeout_seconds = 120").RunAsync();
        }

        [Fact]
        public async Task RecommendedTimeoutSeconds_Option_IsWhatTheFixWrites()
        {
            await new Verify.Test
            {
                TestCode = InMethod("client.Timeout = {|CYB0005:Timeout.InfiniteTimeSpan|};\n        request.Timeout = {|CYB0005:-1|};\n        using var cts = new CancellationTokenSource({|CYB0005:-1|});\n        await client.GetAsync(\"https://bank.sandbox.cybrid.app\", cts.Token);"),
                FixedCode = InMethod("client.Timeout = TimeSpan.FromSeconds(45);\n        request.Timeout = 45000;\n        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(45));\n        await client.GetAsync(\"https://bank.sandbox.cybrid.app\", cts.Token);"),
            }.WithEditorConfig("cybrid_analyzers.CYB0005.recommended_timeout_seconds = 45").RunAsync();
        }

        [Fact]
        public async Task RecommendedTimeoutSeconds_PackageWideKey_IsUsed()
        {
            await new Verify.Test
            {
                TestCode = InMethod("handler.ConnectTimeout = {|CYB0005:Timeout.InfiniteTimeSpan|};"),
                FixedCode = InMethod("handler.ConnectTimeout = TimeSpan.FromSeconds(10);"),
            }.WithGlobalConfig("cybrid_analyzers.recommended_timeout_seconds = 10").RunAsync();
        }

        [Fact]
        public async Task RecommendedAboveMaximum_FixUsesTheMaximumForHttpClient()
        {
            await new Verify.Test
            {
                TestCode = InMethod("client.Timeout = {|CYB0005:Timeout.InfiniteTimeSpan|};\n        handler.ConnectTimeout = {|CYB0005:Timeout.InfiniteTimeSpan|};"),
                FixedCode = InMethod("client.Timeout = TimeSpan.FromSeconds(60);\n        handler.ConnectTimeout = TimeSpan.FromSeconds(90);"),
            }.WithEditorConfig("cybrid_analyzers.CYB0005.recommended_timeout_seconds = 90", "cybrid_analyzers.CYB0005.max_timeout_seconds = 60").RunAsync();
        }

        [Theory]
        [InlineData("max_timeout_seconds", "abc")]
        [InlineData("max_timeout_seconds", "0")]
        [InlineData("max_timeout_seconds", "-5")]
        [InlineData("recommended_timeout_seconds", "thirty")]
        [InlineData("recommended_timeout_seconds", "0")]
        [InlineData("recommended_timeout_seconds", "1.5")]
        public async Task InvalidOptionValue_ReportsCYB0000_AndUsesTheDefault(string key, string value)
        {
            // Defaults: maximum 300 s (so 301 s is reported, 300 s is not) and a 30-second fix. CYB0000 sits on the
            // file's first token (the first `using`).
            await new Verify.Test
            {
                TestCode = FirstTokenMarked(InMethod("client.Timeout = TimeSpan.FromSeconds(300);\n        client.Timeout = {|CYB0005:TimeSpan.FromSeconds(301)|};")),
                FixedCode = FirstTokenMarked(InMethod("client.Timeout = TimeSpan.FromSeconds(300);\n        client.Timeout = TimeSpan.FromSeconds(30);")),
            }.WithEditorConfig("cybrid_analyzers.CYB0005." + key + " = " + value).RunAsync();
        }

        [Fact]
        public async Task RecommendedTooLargeForMilliseconds_IsReportedWithoutAFix()
        {
            await new Verify.Test
            {
                TestCode = InMethod("request.Timeout = {|CYB0005:-1|};"),
                FixedCode = InMethod("request.Timeout = {|CYB0005:-1|};"),
            }.WithEditorConfig("cybrid_analyzers.CYB0005.recommended_timeout_seconds = 3000000").RunAsync();
        }

        // ---- messages -----------------------------------------------------------------------------------

        [Fact]
        public async Task Messages_NameTheMemberTheValueAndTheReplacement()
        {
            var source = InMethod(@"client.Timeout = {|#0:Timeout.InfiniteTimeSpan|};
        request.Timeout = {|#1:-1|};
        client.Timeout = {|#2:TimeSpan.FromMinutes(10)|};
        var forever = TimeSpan.MaxValue;
        handler.ConnectTimeout = {|#3:forever|};
        using var cts = new CancellationTokenSource();
        cts.CancelAfter({|#4:Timeout.Infinite|});
        await client.GetAsync(""https://bank.sandbox.cybrid.app"", cts.Token);");
            await Verify.VerifyAnalyzerAsync(
                source,
                Verify.Diagnostic("CYB0005").WithLocation(0).WithArguments("HttpClient.Timeout", "infinite (Timeout.InfiniteTimeSpan)", "TimeSpan.FromSeconds(30)"),
                Verify.Diagnostic("CYB0005").WithLocation(1).WithArguments("HttpWebRequest.Timeout", "infinite (-1 ms)", "30000 ms"),
                Verify.Diagnostic("CYB0005").WithLocation(2).WithArguments("HttpClient.Timeout", "600 seconds, above the 300-second maximum", "TimeSpan.FromSeconds(30)"),
                Verify.Diagnostic("CYB0005").WithLocation(3).WithArguments("SocketsHttpHandler.ConnectTimeout", "effectively infinite (TimeSpan.MaxValue, through local 'forever')", "TimeSpan.FromSeconds(30)"),
                Verify.Diagnostic("CYB0005").WithLocation(4).WithArguments("CancellationTokenSource.CancelAfter in a method that sends an HTTP request", "infinite (Timeout.Infinite)", "TimeSpan.FromSeconds(30)"));
        }

        // ---- not flagged --------------------------------------------------------------------------------

        [Theory]
        [InlineData("await Task.Delay(Timeout.Infinite);")]
        [InlineData("await Task.Delay(Timeout.InfiniteTimeSpan);")]
        [InlineData("new SemaphoreSlim(1).Wait(Timeout.Infinite);")]
        [InlineData("await new SemaphoreSlim(1).WaitAsync(Timeout.InfiniteTimeSpan);")]
        [InlineData("new ManualResetEventSlim().Wait(-1);")]
        [InlineData("Thread.Sleep(Timeout.Infinite);")]
        [InlineData("var timer = new Timer(_ => { }, null, Timeout.Infinite, Timeout.Infinite);")]
        [InlineData("var s = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp); s.ReceiveTimeout = -1;")]
        [InlineData("var ftp = (FtpWebRequest)WebRequest.Create(\"ftp://files.example.com/a\"); ftp.Timeout = -1;")]
        public async Task NonHttpUsesOfInfinity_AreNotReported(string body)
        {
            await Verify.VerifyAnalyzerAsync(InMethod(body));
        }

        [Theory]
        [InlineData("handler.PooledConnectionLifetime = Timeout.InfiniteTimeSpan;")]
        [InlineData("handler.PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan;")]
        [InlineData("handler.KeepAlivePingDelay = Timeout.InfiniteTimeSpan;")]
        [InlineData("var cacheLifetime = TimeSpan.MaxValue;")]
        [InlineData("if (client.Timeout == Timeout.InfiniteTimeSpan) { client.Timeout = TimeSpan.FromSeconds(30); }")]
        [InlineData("var longest = client.Timeout > TimeSpan.MaxValue ? client.Timeout : TimeSpan.MaxValue;")]
        [InlineData("client.Timeout = configured;")]
        [InlineData("client.Timeout = TimeSpan.FromSeconds(-1);")]
        [InlineData("client.Timeout = TimeSpan.FromMinutes(-1);")]
        [InlineData("client.Timeout = TimeSpan.FromSeconds(double.PositiveInfinity);")]
        [InlineData("client.Timeout = TimeSpan.FromMilliseconds(double.NaN);")]
        [InlineData("client.Timeout = TimeSpan.FromDays(1e8);")]
        [InlineData("request.Timeout = -2;")]
        [InlineData("request.Timeout = 30000;")]
        public async Task UnrelatedOrFiniteValues_AreNotReported(string body)
        {
            await Verify.VerifyAnalyzerAsync(InMethod(body));
        }

        [Fact]
        public async Task TimeoutNamedMembersOfOtherTypes_AreNotReported()
        {
            const string source = @"
using System;
using System.Threading;

class CacheOptions
{
    public TimeSpan Timeout { get; set; }
    public TimeSpan AbsoluteExpiration { get; set; } = TimeSpan.MaxValue;
}

class C
{
    void M()
    {
        var options = new CacheOptions { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        options.Timeout = TimeSpan.MaxValue;
    }
}";
            await Verify.VerifyAnalyzerAsync(source);
        }

        // ---- suppression, generated code, language versions, frameworks ----------------------------------

        [Fact]
        public async Task SeverityNone_InEditorConfig_SilencesTheRule()
        {
            await new Verify.Test
            {
                TestCode = InMethod("client.Timeout = Timeout.InfiniteTimeSpan;"),
            }.WithEditorConfig("dotnet_diagnostic.CYB0005.severity = none").RunAsync();
        }

        [Fact]
        public async Task PragmaAndSuppressMessage_AreHonored()
        {
            const string source = @"
using System.Diagnostics.CodeAnalysis;
using System.Net.Http;
using System.Threading;

class C
{
    void M(HttpClient client)
    {
#pragma warning disable CYB0005 // long-poll endpoint, cancelled by the caller
        client.Timeout = Timeout.InfiniteTimeSpan;
#pragma warning restore CYB0005
    }

    [SuppressMessage(""Security"", ""CYB0005:Infinite or disabled HTTP timeout"", Justification = ""streaming download"")]
    void N(HttpClient client)
    {
        client.Timeout = Timeout.InfiniteTimeSpan;
    }
}";
            await Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task GeneratedCode_IsSkipped()
        {
            const string source = @"// <auto-generated/>
using System.Net.Http;
using System.Threading;

class GeneratedApiClient
{
    void M(HttpClient client) { client.Timeout = Timeout.InfiniteTimeSpan; }
}";
            await Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task CSharp73_IsSupported()
        {
            const string source = @"
using System;
using System.Net;
using System.Net.Http;
using System.Threading;

class C
{
    void M(HttpClient client, HttpWebRequest request)
    {
        TimeSpan forever = Timeout.InfiniteTimeSpan;
        client.Timeout = {|CYB0005:forever|};
        request.Timeout = {|CYB0005:Timeout.Infinite|};
        using (var cts = new CancellationTokenSource({|CYB0005:-1|}))
        {
            client.GetAsync(""https://bank.sandbox.cybrid.app"", cts.Token).Wait();
        }
    }
}";
            await new Verify.Test
            {
                TestCode = source,
                FixedCode = source.Replace("{|CYB0005:forever|}", "TimeSpan.FromSeconds(30)")
                    .Replace("{|CYB0005:Timeout.Infinite|}", "30000")
                    .Replace("{|CYB0005:-1|}", "TimeSpan.FromSeconds(30)"),
                LanguageVersion = LanguageVersion.CSharp7_3,
            }.RunAsync();
        }

        [Fact]
        public async Task NetStandard20_WithoutSocketsHttpHandler_IsSupported()
        {
            const string source = @"
using System;
using System.Net.Http;
using System.Threading;

class C
{
    void M(HttpClient client)
    {
        client.Timeout = {|CYB0005:Timeout.InfiniteTimeSpan|};
    }
}";
            await new Verify.Test
            {
                TestCode = source,
                FixedCode = source.Replace("{|CYB0005:Timeout.InfiniteTimeSpan|}", "TimeSpan.FromSeconds(30)"),
                ReferenceAssemblies = Verifiers.TestReferences.NetStandard20,
            }.RunAsync();
        }

        [Fact]
        public async Task FixAll_FixesEveryKindInEveryDocument()
        {
            var test = new Verify.Test();
            test.TestState.Sources.Add(("/A.cs", InMethod(@"client.Timeout = {|CYB0005:Timeout.InfiniteTimeSpan|};
        request.Timeout = {|CYB0005:-1|};
        request.ReadWriteTimeout = {|CYB0005:Timeout.Infinite|};
        handler.ConnectTimeout = {|CYB0005:TimeSpan.MaxValue|};")));
            test.TestState.Sources.Add(("/B.cs", @"
using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

class D
{
    async Task<string> Prices(HttpClient http)
    {
        http.Timeout = {|CYB0005:TimeSpan.FromHours(2)|};
        using (var cts = new CancellationTokenSource({|CYB0005:Timeout.InfiniteTimeSpan|}))
        {
            cts.CancelAfter({|CYB0005:-1|});
            return await http.GetStringAsync(""https://bank.sandbox.cybrid.app/api/prices"");
        }
    }
}"));
            test.FixedState.Sources.Add(("/A.cs", InMethod(@"client.Timeout = TimeSpan.FromSeconds(30);
        request.Timeout = 30000;
        request.ReadWriteTimeout = 30000;
        handler.ConnectTimeout = TimeSpan.FromSeconds(30);")));
            test.FixedState.Sources.Add(("/B.cs", @"
using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

class D
{
    async Task<string> Prices(HttpClient http)
    {
        http.Timeout = TimeSpan.FromSeconds(30);
        using (var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            cts.CancelAfter(TimeSpan.FromSeconds(30));
            return await http.GetStringAsync(""https://bank.sandbox.cybrid.app/api/prices"");
        }
    }
}"));
            await test.RunAsync();
        }

        [Fact]
        public async Task HttpTypesAbsent_NothingIsReported()
        {
            // Only the core library: no HttpClient, SocketsHttpHandler or WebRequest. A lookalike generated client and
            // an infinite CancellationTokenSource must not be reported, and the analyzer must not throw.
            const string source = @"
namespace Cybrid.Bank.Client
{
    public interface IReadableConfiguration { int Timeout { get; } }
    public class Configuration : IReadableConfiguration { public int Timeout { get; set; } }
}

class C
{
    void M()
    {
        var config = new Cybrid.Bank.Client.Configuration { Timeout = -1 };
        var cts = new System.Threading.CancellationTokenSource(System.Threading.Timeout.InfiniteTimeSpan);
    }
}";
            var compilation = CSharpCompilation.Create(
                "NoHttp",
                new[] { CSharpSyntaxTree.ParseText(source) },
                new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            Assert.Null(compilation.GetTypeByMetadataName("System.Net.Http.HttpClient"));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

            var diagnostics = await compilation
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new InfiniteHttpTimeoutAnalyzer()))
                .GetAllDiagnosticsAsync(CancellationToken.None);
            Assert.DoesNotContain(diagnostics, d => d.Id == "CYB0005" || d.Id == "AD0001");
        }

        [Theory]
        [InlineData("client.Timeout = ")]
        [InlineData("client.Timeout = Timeout.")]
        [InlineData("client.Timeout = TimeSpan.FromMilliseconds(")]
        [InlineData("client.Timeout = new TimeSpan(0, 0, 0, 0, ")]
        [InlineData("var t = Timeout.InfiniteTimeSpan; client.Timeout = t")]
        [InlineData("using var cts = new CancellationTokenSource(-1); await client.GetAsync(")]
        [InlineData("var h = new SocketsHttpHandler { ConnectTimeout = Timeout.InfiniteTimeSpan, ")]
        [InlineData("request.Timeout = -;")]
        public async Task HalfTypedCode_DoesNotCrash(string body)
        {
            var run = await Verifiers.AnalyzerRunner.RunAsync(new InfiniteHttpTimeoutAnalyzer(), InMethod(body));
            Assert.Empty(run.Exceptions);
            Assert.True(run.CompilerErrors > 0, "the input should not compile");
        }
    }
}
