namespace Cybrid.Analyzers.Tests.Stubs
{
    /// <summary>
    /// Library types CYB0001's tests need that the net8.0 reference pack lacks, with their real names: the
    /// Microsoft.Extensions.Configuration abstractions, and the <c>Configuration</c> class of a client generated from
    /// a Cybrid OpenAPI specification.
    /// </summary>
    internal static class CYB0001_Stubs
    {
        public const string Configuration = @"#nullable enable
namespace Microsoft.Extensions.Configuration
{
    public interface IConfiguration
    {
        string? this[string key] { get; set; }

        IConfigurationSection GetSection(string key);

        System.Collections.Generic.IEnumerable<IConfigurationSection> GetChildren();
    }

    public interface IConfigurationSection : IConfiguration
    {
        string Key { get; }

        string Path { get; }

        string? Value { get; set; }
    }

    public interface IConfigurationRoot : IConfiguration
    {
        void Reload();
    }

    public static class ConfigurationBinder
    {
        public static T? GetValue<T>(this IConfiguration configuration, string key) => default;

        public static T GetValue<T>(this IConfiguration configuration, string key, T defaultValue) => defaultValue;
    }

    public static class ConfigurationExtensions
    {
        public static string? GetConnectionString(this IConfiguration configuration, string name) => configuration.GetSection(""ConnectionStrings"")[name];
    }
}
";

        /// <summary>The <c>Configuration</c> of an openapi-generator C# client of a Cybrid API (here the Organization API).</summary>
        public const string GeneratedClient = @"#nullable enable
namespace Cybrid.Organization.Client
{
    using System.Collections.Generic;

    public class Configuration
    {
        public string? AccessToken { get; set; }

        public IDictionary<string, string> ApiKey { get; set; } = new Dictionary<string, string>();

        public IDictionary<string, string> ApiKeyPrefix { get; set; } = new Dictionary<string, string>();

        public string? BasePath { get; set; }

        public string? OAuthClientId { get; set; }

        public string? OAuthClientSecret { get; set; }
    }
}
";
    }
}
