namespace Cybrid.Analyzers.Tests.Stubs
{
    /// <summary>
    /// Library types CYB0005's tests need that the net8.0 reference pack lacks, with their real namespaces and
    /// names: IHttpClientFactory registration (Microsoft.Extensions.Http) and OpenAPI-generated client
    /// configurations. Only the members the tests call are declared.
    /// </summary>
    internal static class CYB0005Stubs
    {
        /// <summary><c>AddHttpClient</c>, <c>ConfigureHttpClient</c>, <c>ConfigurePrimaryHttpMessageHandler</c>, <c>SetHandlerLifetime</c>.</summary>
        public const string HttpClientFactory = @"
namespace Microsoft.Extensions.DependencyInjection
{
    using System;
    using System.Net.Http;

    public interface IServiceCollection { }

    public interface IHttpClientBuilder
    {
        string Name { get; }
        IServiceCollection Services { get; }
    }

    public static class HttpClientFactoryServiceCollectionExtensions
    {
        public static IHttpClientBuilder AddHttpClient(this IServiceCollection services, string name) => null;
        public static IHttpClientBuilder AddHttpClient(this IServiceCollection services, string name, Action<HttpClient> configureClient) => null;
        public static IHttpClientBuilder AddHttpClient(this IServiceCollection services, string name, Action<IServiceProvider, HttpClient> configureClient) => null;
        public static IHttpClientBuilder AddHttpClient<TClient>(this IServiceCollection services) where TClient : class => null;
        public static IHttpClientBuilder AddHttpClient<TClient>(this IServiceCollection services, Action<HttpClient> configureClient) where TClient : class => null;
    }

    public static class HttpClientBuilderExtensions
    {
        public static IHttpClientBuilder ConfigureHttpClient(this IHttpClientBuilder builder, Action<HttpClient> configureClient) => builder;
        public static IHttpClientBuilder ConfigurePrimaryHttpMessageHandler(this IHttpClientBuilder builder, Func<HttpMessageHandler> configureHandler) => builder;
        public static IHttpClientBuilder SetHandlerLifetime(this IHttpClientBuilder builder, TimeSpan handlerLifetime) => builder;
    }
}
";

        /// <summary>An openapi-generator (restsharp library) client generated from the Cybrid Bank spec: <c>Timeout</c> in milliseconds.</summary>
        public const string CybridBankClient = @"
namespace Cybrid.Bank.Client
{
    public interface IReadableConfiguration
    {
        string BasePath { get; }
        int Timeout { get; }
    }

    public class Configuration : IReadableConfiguration
    {
        public virtual string BasePath { get; set; } = ""https://bank.sandbox.cybrid.app"";
        public virtual string AccessToken { get; set; }
        public virtual int Timeout { get; set; } = 100000;
    }
}

namespace Cybrid.Bank.Api
{
    using System.Threading;
    using System.Threading.Tasks;
    using Cybrid.Bank.Client;

    public class PricesBankApi
    {
        public PricesBankApi(Configuration configuration) { }
        public Task<string> ListPricesAsync(string symbol = null, CancellationToken cancellationToken = default) => Task.FromResult(symbol);
    }
}
";

        /// <summary>A newer openapi-generator client in its default package (<c>Org.OpenAPITools</c>): <c>Timeout</c> is a TimeSpan.</summary>
        public const string OpenApiToolsClient = @"
namespace Org.OpenAPITools.Client
{
    using System;

    public interface IReadableConfiguration
    {
        TimeSpan Timeout { get; }
    }

    public class Configuration : IReadableConfiguration
    {
        public virtual TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);
    }

    public class GlobalConfiguration : Configuration { }
}
";

        /// <summary>Types named <c>Configuration</c> that are not a generated HTTP client's.</summary>
        public const string UnrelatedConfigurations = @"
namespace Acme.Jobs.Client
{
    public class Configuration
    {
        public int Timeout { get; set; }
    }
}

namespace Acme.Settings
{
    public class Configuration
    {
        public int Timeout { get; set; }
    }
}
";
    }
}
