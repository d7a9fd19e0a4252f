namespace Cybrid.Analyzers.Tests.Stubs
{
    /// <summary>
    /// Library lookalikes for CYB0002 tests: a generated Cybrid client in the shape openapi-generator gives it
    /// (Cybrid.Bank.Api / .Client / .Model, the Identity API's customer-token client, an Organization API client), and
    /// IdentityModel's client-credentials extension.
    /// </summary>
    internal static class CYB0002Stubs
    {
        public const string BankClient = @"
namespace Cybrid.Bank.Client
{
    public interface IReadableConfiguration
    {
        string AccessToken { get; }
        string BasePath { get; }
    }

    public class Configuration : IReadableConfiguration
    {
        public Configuration() { }
        public string BasePath { get; set; }
        public string AccessToken { get; set; }
        public string OAuthTokenUrl { get; set; }
        public string OAuthClientId { get; set; }
        public string OAuthClientSecret { get; set; }
        public System.Collections.Generic.IDictionary<string, string> ApiKey { get; set; } = new System.Collections.Generic.Dictionary<string, string>();
    }

    public class GlobalConfiguration : Configuration
    {
        public static GlobalConfiguration Instance { get; set; } = new GlobalConfiguration();
    }
}

namespace Cybrid.Bank.Model
{
    using System.Runtime.Serialization;

    [DataContract(Name = ""PostQuote"")]
    public class PostQuoteBankModel
    {
        public PostQuoteBankModel() { }
        public PostQuoteBankModel(string productType = default, string customerGuid = default, string symbol = default, string side = default, long? deliverAmount = default)
        {
            ProductType = productType; CustomerGuid = customerGuid; Symbol = symbol; Side = side; DeliverAmount = deliverAmount;
        }
        [DataMember(Name = ""product_type"")] public string ProductType { get; set; }
        [DataMember(Name = ""customer_guid"", EmitDefaultValue = true)] public string CustomerGuid { get; set; }
        [DataMember(Name = ""symbol"")] public string Symbol { get; set; }
        [DataMember(Name = ""side"")] public string Side { get; set; }
        [DataMember(Name = ""deliver_amount"")] public long? DeliverAmount { get; set; }
    }

    [DataContract(Name = ""Quote"")]
    public class QuoteBankModel
    {
        [DataMember(Name = ""guid"")] public string Guid { get; set; }
        [DataMember(Name = ""customer_guid"")] public string CustomerGuid { get; set; }
    }

    [DataContract(Name = ""PostTrade"")]
    public class PostTradeBankModel
    {
        public PostTradeBankModel() { }
        public PostTradeBankModel(string quoteGuid = default) { QuoteGuid = quoteGuid; }
        [DataMember(Name = ""quote_guid"")] public string QuoteGuid { get; set; }
    }

    public class TradeBankModel { public string Guid { get; set; } }
    public class TradeListBankModel { }
    public class QuoteListBankModel { }

    public class PostCustomerBankModel { [DataMember(Name = ""type"")] public string Type { get; set; } }
    public class PatchCustomerBankModel { [DataMember(Name = ""state"")] public string State { get; set; } }
    public class CustomerBankModel { public string Guid { get; set; } }
    public class CustomerListBankModel { }

    public class PostAccountBankModel
    {
        [DataMember(Name = ""type"")] public string Type { get; set; }
        [DataMember(Name = ""customer_guid"")] public string CustomerGuid { get; set; }
        [DataMember(Name = ""asset"")] public string Asset { get; set; }
        [DataMember(Name = ""name"")] public string Name { get; set; }
    }

    public class AccountBankModel { public string Guid { get; set; } }

    public class PostCounterpartyBankModel
    {
        [DataMember(Name = ""type"")] public string Type { get; set; }
        [DataMember(Name = ""customer_guid"")] public string CustomerGuid { get; set; }
    }

    public class CounterpartyBankModel { }
    public class CounterpartyListBankModel { }

    public class PostTransferBankModel
    {
        [DataMember(Name = ""quote_guid"")] public string QuoteGuid { get; set; }
        [DataMember(Name = ""transfer_type"")] public string TransferType { get; set; }
        [DataMember(Name = ""customer_guid"")] public string CustomerGuid { get; set; }
    }

    public class TransferBankModel { }
    public class PriceBankModel { }
}

namespace Cybrid.Bank.Api
{
    using System.Collections.Generic;
    using System.Threading;
    using System.Threading.Tasks;
    using Cybrid.Bank.Client;
    using Cybrid.Bank.Model;

    public abstract class ApiBase
    {
        protected ApiBase() { Configuration = GlobalConfiguration.Instance; }
        protected ApiBase(string basePath) { Configuration = new Configuration { BasePath = basePath }; }
        protected ApiBase(Configuration configuration) { Configuration = configuration; }
        public Configuration Configuration { get; set; }
    }

    public partial class QuotesBankApi : ApiBase
    {
        public QuotesBankApi() { }
        public QuotesBankApi(string basePath) : base(basePath) { }
        public QuotesBankApi(Configuration configuration) : base(configuration) { }
        public QuoteBankModel CreateQuote(PostQuoteBankModel postQuoteBankModel, int operationIndex = 0) => null;
        public Task<QuoteBankModel> CreateQuoteAsync(PostQuoteBankModel postQuoteBankModel, int operationIndex = 0, CancellationToken cancellationToken = default) => null;
        public Task<QuoteBankModel> GetQuoteAsync(string quoteGuid, int operationIndex = 0, CancellationToken cancellationToken = default) => null;
        public Task<QuoteListBankModel> ListQuotesAsync(int? page = default, int? perPage = default, string guid = default, string bankGuid = default, string customerGuid = default, int operationIndex = 0, CancellationToken cancellationToken = default) => null;
    }

    public partial class TradesBankApi : ApiBase
    {
        public TradesBankApi() { }
        public TradesBankApi(string basePath) : base(basePath) { }
        public TradesBankApi(Configuration configuration) : base(configuration) { }
        public Task<TradeBankModel> CreateTradeAsync(PostTradeBankModel postTradeBankModel, int operationIndex = 0, CancellationToken cancellationToken = default) => null;
        public Task<TradeBankModel> CreateTradeWithHttpInfoAsync(PostTradeBankModel postTradeBankModel, int operationIndex = 0, CancellationToken cancellationToken = default) => null;
        public Task<TradeListBankModel> ListTradesAsync(int? page = default, int? perPage = default, string guid = default, string bankGuid = default, string customerGuid = default, int operationIndex = 0, CancellationToken cancellationToken = default) => null;
    }

    public partial class CustomersBankApi : ApiBase
    {
        public CustomersBankApi() { }
        public CustomersBankApi(Configuration configuration) : base(configuration) { }
        public Task<CustomerBankModel> CreateCustomerAsync(PostCustomerBankModel postCustomerBankModel, int operationIndex = 0, CancellationToken cancellationToken = default) => null;
        public Task<CustomerBankModel> GetCustomerAsync(string customerGuid, bool? includePii = default, int operationIndex = 0, CancellationToken cancellationToken = default) => null;
        public Task<CustomerListBankModel> ListCustomersAsync(int? page = default, int? perPage = default, string bankGuid = default, int operationIndex = 0, CancellationToken cancellationToken = default) => null;
        public Task<CustomerBankModel> UpdateCustomerAsync(string customerGuid, PatchCustomerBankModel patchCustomerBankModel, int operationIndex = 0, CancellationToken cancellationToken = default) => null;
    }

    public partial class AccountsBankApi : ApiBase
    {
        public AccountsBankApi(Configuration configuration) : base(configuration) { }
        public Task<AccountBankModel> CreateAccountAsync(PostAccountBankModel postAccountBankModel, int operationIndex = 0, CancellationToken cancellationToken = default) => null;
    }

    public partial class CounterpartiesBankApi : ApiBase
    {
        public CounterpartiesBankApi(Configuration configuration) : base(configuration) { }
        public Task<CounterpartyBankModel> CreateCounterpartyAsync(PostCounterpartyBankModel postCounterpartyBankModel, int operationIndex = 0, CancellationToken cancellationToken = default) => null;
        public Task<CounterpartyListBankModel> ListCounterpartiesAsync(int? page = default, int? perPage = default, string bankGuid = default, string customerGuid = default, int operationIndex = 0, CancellationToken cancellationToken = default) => null;
    }

    public partial class TransfersBankApi : ApiBase
    {
        public TransfersBankApi(Configuration configuration) : base(configuration) { }
        public Task<TransferBankModel> CreateTransferAsync(PostTransferBankModel postTransferBankModel, int operationIndex = 0, CancellationToken cancellationToken = default) => null;
    }

    public partial class PricesBankApi : ApiBase
    {
        public PricesBankApi(Configuration configuration) : base(configuration) { }
        public Task<List<PriceBankModel>> ListPricesAsync(string symbol = default, int operationIndex = 0, CancellationToken cancellationToken = default) => null;
    }
}

namespace Cybrid.Identity.Client
{
    public class Configuration
    {
        public string BasePath { get; set; }
        public string AccessToken { get; set; }
    }
}

namespace Cybrid.Identity.Model
{
    using System.Collections.Generic;
    using System.Runtime.Serialization;

    public class PostCustomerTokenIdpModel
    {
        public PostCustomerTokenIdpModel(string customerGuid = default, List<string> scopes = default) { CustomerGuid = customerGuid; Scopes = scopes; }
        [DataMember(Name = ""customer_guid"")] public string CustomerGuid { get; set; }
        [DataMember(Name = ""scopes"")] public List<string> Scopes { get; set; }
    }

    public class CustomerTokenIdpModel
    {
        [DataMember(Name = ""access_token"")] public string AccessToken { get; set; }
    }
}

namespace Cybrid.Identity.Api
{
    using System.Threading;
    using System.Threading.Tasks;
    using Cybrid.Identity.Client;
    using Cybrid.Identity.Model;

    public class CustomerTokensIdpApi
    {
        public CustomerTokensIdpApi(Configuration configuration) { Configuration = configuration; }
        public Configuration Configuration { get; set; }
        public Task<CustomerTokenIdpModel> CreateCustomerTokenAsync(PostCustomerTokenIdpModel postCustomerTokenIdpModel, int operationIndex = 0, CancellationToken cancellationToken = default) => null;
    }
}

namespace Cybrid.Organization.Client
{
    public class Configuration
    {
        public string BasePath { get; set; }
        public string AccessToken { get; set; }
    }
}

namespace Cybrid.Organization.Api
{
    using System.Threading;
    using System.Threading.Tasks;
    using Cybrid.Organization.Client;

    public class PostSubscriptionOrganizationModel
    {
        [System.Runtime.Serialization.DataMember(Name = ""customer_guid"")] public string CustomerGuid { get; set; }
        public string Url { get; set; }
    }

    public class SubscriptionsOrganizationApi
    {
        public SubscriptionsOrganizationApi(Configuration configuration) { }
        public Task<object> CreateSubscriptionAsync(PostSubscriptionOrganizationModel postSubscriptionOrganizationModel, int operationIndex = 0, CancellationToken cancellationToken = default) => null;
    }

    /// <summary>An Organization API class that happens to share a Bank API class name: still not the Bank API.</summary>
    public class QuotesApi
    {
        public QuotesApi(Configuration configuration) { }
        public Task<object> CreateQuoteAsync(object body, int operationIndex = 0, CancellationToken cancellationToken = default) => null;
    }
}
";

        public const string IdentityModel = @"
namespace IdentityModel.Client
{
    using System.Net.Http;
    using System.Threading;
    using System.Threading.Tasks;

    public class ClientCredentialsTokenRequest
    {
        public string Address { get; set; }
        public string ClientId { get; set; }
        public string ClientSecret { get; set; }
        public string Scope { get; set; }
    }

    public class TokenResponse
    {
        public string AccessToken { get; set; }
        public bool IsError { get; set; }
    }

    public static class HttpClientTokenRequestExtensions
    {
        public static Task<TokenResponse> RequestClientCredentialsTokenAsync(this HttpMessageInvoker client, ClientCredentialsTokenRequest request, CancellationToken cancellationToken = default) => null;
    }
}
";
    }
}
